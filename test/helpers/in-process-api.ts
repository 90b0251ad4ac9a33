import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { StoreApi } from 'zustand';
import type { ApiEvent, ApiResult } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { installApiClient, type ApiClient } from '../../renderer/api/client';
import { flushWrites } from '../../renderer/state/sheet-store';
import { SAMPLE_FILE_NAME } from '../../electron/app/back-session';
import { startBack, type TestBack } from './back';
import { useTempFolder } from './temp-folder';

/** What crosses a transport: plain JSON, so nothing that would not survive the wire reaches the renderer. */
function overTheWire<Value>(value: Value): Value {
  return JSON.parse(JSON.stringify(value)) as Value;
}

/**
 * The renderer's API client over the real back, in this process: each call is serialized as the
 * browser host's body is (`{ method, input }` as JSON), validated by the contract's schema and run
 * by the real handler table on the test back's session (a real SQLite workbook); the answer comes
 * back as JSON and a failure as the ApiError the UI shows (ApiError.fromData). The back's events
 * reach `onEvent` listeners as JSON too, in a later task, as they do over IPC or the event stream.
 */
export function inProcessApi(back: TestBack, transport: ApiClient['transport'] = 'electron'): ApiClient {
  return {
    transport,
    downloadUrl: (fileName) => (transport === 'browser' ? `/exports/${encodeURIComponent(fileName)}` : null),
    async call(method, input) {
      const request = overTheWire({ method, input }) as { method: unknown; input: unknown };
      const response = overTheWire<ApiResponse<unknown>>(await back.raw(request.method, request.input));
      if (!response.ok) throw ApiError.fromData(response.error);
      return response.value as ApiResult<typeof method>;
    },
    onEvent(listener) {
      let listening = true;
      const stop = back.session.onEvent((event: ApiEvent) => {
        const sent = JSON.stringify(event);
        setImmediate(() => {
          if (listening) listener(JSON.parse(sent) as ApiEvent);
        });
      });
      return () => {
        listening = false;
        stop();
      };
    },
  };
}

/** Puts a zustand store back to its first state, as the app has it at launch. */
export function resetStore<State>(store: Pick<StoreApi<State>, 'setState'> & { getInitialState(): State }): void {
  store.setState(store.getInitialState(), true);
}

/** A renderer's stores over a real back: the back, the client installed for the stores, and the back's data folder. */
export interface RendererOverBack {
  back: TestBack;
  client: ApiClient;
  dataDir: string;
}

/**
 * For a test file of the renderer's stores: each call of the returned function starts a back over a
 * fresh temp folder holding its own copy of the sample workbook (generated once per file, then
 * copied: a copy opens in a fraction of the time) and installs the in-process client as the
 * renderer's API client. After each test the writes still on their way are awaited and the back
 * stops; the folders are removed.
 */
export function useRendererOverBack(): () => RendererOverBack {
  const tempFolder = useTempFolder();
  const started: TestBack[] = [];
  let sample: string | null = null;
  // Registered after the temp folder's hook, so it runs before it: the back closes its file before the folder goes.
  afterEach(async () => {
    await flushWrites();
    for (const back of started.splice(0)) back.stop();
  });
  afterAll(() => {
    if (sample !== null) rmSync(dirname(dirname(sample)), { recursive: true, force: true });
  });
  return () => {
    if (sample === null) {
      const maker = startBack(mkdtempSync(join(tmpdir(), 'tandem-sample-')));
      sample = maker.session.state().current?.path ?? null;
      maker.stop();
      if (sample === null) throw new Error('The back did not create the sample workbook.');
    }
    const dataDir = tempFolder();
    mkdirSync(join(dataDir, 'workbooks'));
    copyFileSync(sample, join(dataDir, 'workbooks', SAMPLE_FILE_NAME));
    const back = startBack(dataDir);
    started.push(back);
    const client = inProcessApi(back);
    installApiClient(client);
    return { back, client, dataDir };
  };
}
