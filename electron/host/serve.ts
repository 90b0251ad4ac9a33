import { resolve } from 'node:path';
import { buildHandlerTable, DOMAINS } from '../api/handler-table';
import { defaultAppPaths } from '../app/app-paths';
import { BackSession } from '../app/back-session';
import { startBrowserHost, type BrowserHost } from '../transport/http-host';

export interface ServeOptions {
  dataDir?: string;
  port?: number;
  rendererFolder: string;
}

/** Starts the back with the browser transport: the same session and handler table Electron uses. */
export async function serveBrowserApp(options: ServeOptions): Promise<{ host: BrowserHost; stop: () => Promise<void> }> {
  const session = new BackSession(defaultAppPaths(options.dataDir === undefined ? undefined : resolve(options.dataDir)));
  session.startUp();
  const host = await startBrowserHost({
    session,
    table: buildHandlerTable(DOMAINS),
    rendererFolder: resolve(options.rendererFolder),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return {
    host,
    stop: async () => {
      await host.close();
      session.shutDown();
    },
  };
}
