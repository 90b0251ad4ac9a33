import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type TandemBridge } from '../shared/api/bridge';
import type { ApiEvent } from '../shared/api/contract';
import type { ApiResponse } from '../shared/api/errors';

// Sandboxed preload: exposes exactly two functions, on two fixed channels.
const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<ApiResponse<unknown>>,
  onEvent: (listener: (event: ApiEvent) => void) => {
    const relay = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
} satisfies TandemBridge;

contextBridge.exposeInMainWorld('tandem', bridge);
