import type { ApiResponse } from './errors';
import type { ApiEvent } from './contract';
import type { CommandStates } from '../commands/command-table';
import type { Platform } from '../commands/shortcut';

/**
 * What the Electron preload puts on `window.tandem`. Untyped at the boundary (a method name and
 * an unknown input), typed by the client that wraps it; the back validates every input.
 */
export interface TandemBridge {
  invoke(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Subscribe to back events; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** the desktop shell: present in Electron only */
  shell?: ShellBridge;
}

/** Between the renderer and Electron's main process: the native menu, files from outside, quitting. */
export interface ShellBridge {
  platform: Platform;
  /** the native menu asks the renderer to run a command of the command table (by id) */
  onCommand(listener: (commandId: string) => void): () => void;
  /** the renderer says which commands are enabled and checked, so the native menu stays in step */
  setCommandStates(states: CommandStates): void;
  /** main asks before quitting: the renderer finishes its writes in flight, then the promise settles */
  onQuitRequested(listener: () => Promise<void>): () => void;
  /** a file dropped on the window: main opens it if it is a workbook */
  openDroppedFile(file: File): void;
}

/** The IPC channel names: one for calls, one for events. */
export const IPC_INVOKE_CHANNEL = 'tandem:invoke';
export const IPC_EVENT_CHANNEL = 'tandem:event';
