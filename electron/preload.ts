import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, SHELL_CHANNELS, type ShellBridge, type TandemBridge } from '../shared/api/bridge';
import type { ApiEvent } from '../shared/api/contract';
import type { ApiResponse } from '../shared/api/errors';
import { platformOf } from './shell/platform';

// Sandboxed preload: exposes the API's two functions and the shell bridge, on fixed channels.
// Nothing of ipcRenderer itself reaches the page.

const commandListeners = new Set<(commandId: string) => void>();
const quitListeners = new Set<() => Promise<void>>();

ipcRenderer.on(SHELL_CHANNELS.command, (_event: IpcRendererEvent, commandId: unknown) => {
  if (typeof commandId !== 'string') return;
  for (const listener of commandListeners) listener(commandId);
});

// Main asks the page to finish its writes (before quitting, or before opening a file from
// outside); the answer names the request, once every listener has settled (failed or not).
ipcRenderer.on(SHELL_CHANNELS.finishWrites, (_event: IpcRendererEvent, requestId: unknown) => {
  void Promise.allSettled([...quitListeners].map((listener) => listener())).then(() => ipcRenderer.send(SHELL_CHANNELS.writesFinished, requestId));
});

const shell: ShellBridge = {
  platform: platformOf(process.platform),
  onCommand(listener) {
    commandListeners.add(listener);
    return () => {
      commandListeners.delete(listener);
    };
  },
  setCommandStates(states) {
    ipcRenderer.send(SHELL_CHANNELS.commandStates, states);
  },
  onQuitRequested(listener) {
    quitListeners.add(listener);
    return () => {
      quitListeners.delete(listener);
    };
  },
  openDroppedFile(file) {
    // The page never sees the path: only main does, and it opens nothing but an existing .tandem file.
    const path = webUtils.getPathForFile(file as File);
    if (path !== '') ipcRenderer.send(SHELL_CHANNELS.openDropped, path);
  },
};

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<ApiResponse<unknown>>,
  onEvent: (listener: (event: ApiEvent) => void) => {
    const relay = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
  shell,
} satisfies TandemBridge;

contextBridge.exposeInMainWorld('tandem', bridge);
