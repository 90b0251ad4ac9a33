import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import { dispatch, type HandlerTable } from '../api/handler-table';
import type { BackSession } from '../app/back-session';

/**
 * The Electron transport: one invoke channel for the whole handler table. Calls from any
 * frame other than our own window's top frame, loaded from our own files, are refused.
 */
export function registerIpcTransport(options: { session: BackSession; table: HandlerTable; window: WebContents; rendererUrl: string }): () => void {
  const isTrustedSender = (event: IpcMainInvokeEvent): boolean =>
    event.sender === options.window && event.senderFrame !== null && event.senderFrame === options.window.mainFrame && event.senderFrame.url.startsWith(options.rendererUrl);

  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: 'This frame may not call Tandem.' } };
    return dispatch(options.table, { session: options.session }, method, input);
  });
  const unsubscribe = options.session.onEvent((event) => {
    if (!options.window.isDestroyed()) options.window.send(IPC_EVENT_CHANNEL, event);
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    unsubscribe();
  };
}
