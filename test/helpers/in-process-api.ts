import type { StoreApi } from 'zustand';
import type { ApiEvent, ApiResult } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { installApiClient, type ApiClient } from '../../renderer/api/client';
import { startBack, type TestBack } from './back';

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

/**
 * Starts the back over `dataDir` (first run: the sample workbook is created and opened) and installs
 * the in-process client as the renderer's API client. Stop the back when the test ends.
 */
export function startRendererOverBack(dataDir: string): { back: TestBack; client: ApiClient } {
  const back = startBack(dataDir);
  const client = inProcessApi(back);
  installApiClient(client);
  return { back, client };
}
