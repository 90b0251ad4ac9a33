import type { ApiResponse } from './errors';
import type { ApiEvent } from './contract';

/**
 * What the Electron preload puts on `window.tandem`. Untyped at the boundary (a method name and
 * an unknown input), typed by the client that wraps it; the back validates every input.
 */
export interface TandemBridge {
  invoke(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Subscribe to back events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
}

/** The IPC channel names: one for calls, one for events. */
export const IPC_INVOKE_CHANNEL = 'tandem:invoke';
export const IPC_EVENT_CHANNEL = 'tandem:event';
