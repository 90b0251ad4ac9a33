import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { buildHandlerTable, DOMAINS } from '../../../electron/api/handler-table';
import { BackSession } from '../../../electron/app/back-session';
import { startBrowserHost, type BrowserHost } from '../../../electron/transport/http-host';

/** The browser host over a real session (the sample workbook, a user named), as `npm start` runs it. */
export interface RunningHost {
  host: BrowserHost;
  session: BackSession;
  dataDir: string;
  /** POSTs a body as it is (text) or as JSON, with this launch's token and origin */
  post(body: unknown, options?: { raw?: boolean }): Promise<{ status: number; answer: unknown }>;
  /** GETs a path as given, not re-encoded */
  get(path: string): Promise<{ status: number; text: string }>;
  stop(): Promise<void>;
}

export async function startRunningHost(dataDir: string): Promise<RunningHost> {
  const session = new BackSession({ userData: dataDir, workbooks: join(dataDir, 'workbooks') });
  session.settings.setUserName('Test User');
  session.startUp();
  const host = await startBrowserHost({ session, table: buildHandlerTable(DOMAINS), rendererFolder: join(dataDir, 'workbooks') });
  return {
    host,
    session,
    dataDir,
    async post(body, options = {}) {
      const text = options.raw === true ? String(body) : JSON.stringify(body);
      const response = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin, 'x-tandem-token': host.token }, body: text });
      const answerText = await response.text();
      let answer: unknown = answerText;
      try {
        answer = JSON.parse(answerText) as unknown;
      } catch {
        // not JSON: the test sees the text
      }
      return { status: response.status, answer };
    },
    async get(path) {
      // fetch() would normalise a malformed path; node:http sends it as it is.
      return new Promise((resolve, reject) => {
        const call = request({ host: '127.0.0.1', port: Number(new URL(host.origin).port), path, method: 'GET' }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        });
        call.on('error', reject);
        call.end();
      });
    },
    async stop() {
      await host.close();
      session.shutDown();
    },
  };
}

/**
 * Starts browser hosts over fresh sessions (no user named, nothing opened) for the tests of a
 * file; each is closed with its session after its test. The renderer folder defaults to the
 * session's workbooks folder.
 */
export function useBrowserHosts(): (dataDir: string, rendererFolder?: string) => Promise<BrowserHost> {
  const running: { host: BrowserHost; session: BackSession }[] = [];
  afterEach(async () => {
    for (const { host, session } of running.splice(0)) {
      await host.close();
      session.shutDown();
    }
  });
  return async (dataDir, rendererFolder = join(dataDir, 'workbooks')) => {
    const session = new BackSession({ userData: dataDir, workbooks: join(dataDir, 'workbooks') });
    session.startUp();
    const host = await startBrowserHost({ session, table: buildHandlerTable(DOMAINS), rendererFolder });
    running.push({ host, session });
    return host;
  };
}
