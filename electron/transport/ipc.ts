import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, SHELL_CHANNELS } from '../../shared/api/bridge';
import type { CommandStates } from '../../shared/commands/command-table';
import { dispatch, type HandlerTable } from '../api/handler-table';
import type { BackSession } from '../app/back-session';
import { parseCommandStates } from '../shell/command-states';

/** Whether a message comes from our window's top frame, showing our own page (app://tandem/…). */
function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, window: WebContents, isRendererUrl: (url: string) => boolean): boolean {
  return event.sender === window && event.senderFrame !== null && event.senderFrame === window.mainFrame && isRendererUrl(event.senderFrame.url);
}

/**
 * The Electron transport: one invoke channel for the whole handler table. Calls from any
 * frame other than our own window's top frame, loaded from our own scheme, are refused.
 */
export function registerIpcTransport(options: { session: BackSession; table: HandlerTable; window: WebContents; isRendererUrl: (url: string) => boolean }): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, options.window, options.isRendererUrl)) return { ok: false, error: { code: 'unauthorized', message: 'This frame may not call Tandem.' } };
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

/** The shell's side of the bridge in main: what the window says, and what main asks of it. */
export interface ShellChannels {
  /** asks the page to run a command of the command table */
  sendCommand(commandId: string): void;
  /** asks the page to finish its writes in flight; settles when it says it has, or at once when there is no page */
  finishWrites(): Promise<void>;
  unregister(): void;
}

/**
 * The shell's channels, with the same sender check as the API: the command states the page
 * reports (validated), a dropped file's path, and the finish-writes round trip.
 */
export function registerShellChannels(options: {
  window: WebContents;
  isRendererUrl: (url: string) => boolean;
  onCommandStates(states: CommandStates): void;
  onDroppedPath(path: string): void;
}): ShellChannels {
  const trusted = (event: IpcMainEvent) => isTrustedSender(event, options.window, options.isRendererUrl);
  const waiting = new Map<number, () => void>();
  let nextRequest = 1;

  const onStates = (event: IpcMainEvent, states: unknown) => {
    if (trusted(event)) options.onCommandStates(parseCommandStates(states));
  };
  const onDropped = (event: IpcMainEvent, path: unknown) => {
    if (trusted(event) && typeof path === 'string') options.onDroppedPath(path);
  };
  const onFinished = (event: IpcMainEvent, requestId: unknown) => {
    if (!trusted(event) || typeof requestId !== 'number') return;
    waiting.get(requestId)?.();
    waiting.delete(requestId);
  };
  ipcMain.on(SHELL_CHANNELS.commandStates, onStates);
  ipcMain.on(SHELL_CHANNELS.openDropped, onDropped);
  ipcMain.on(SHELL_CHANNELS.writesFinished, onFinished);

  return {
    sendCommand(commandId) {
      if (!options.window.isDestroyed()) options.window.send(SHELL_CHANNELS.command, commandId);
    },
    finishWrites() {
      if (options.window.isDestroyed() || options.window.isCrashed()) return Promise.resolve();
      const requestId = nextRequest++;
      return new Promise<void>((resolve) => {
        waiting.set(requestId, resolve);
        options.window.send(SHELL_CHANNELS.finishWrites, requestId);
      });
    },
    unregister() {
      ipcMain.removeListener(SHELL_CHANNELS.commandStates, onStates);
      ipcMain.removeListener(SHELL_CHANNELS.openDropped, onDropped);
      ipcMain.removeListener(SHELL_CHANNELS.writesFinished, onFinished);
      for (const resolve of waiting.values()) resolve();
      waiting.clear();
    },
  };
}
