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
  /**
   * main asks before quitting: the renderer finishes its writes in flight, then the promise
   * settles. Main asks the same before it opens a workbook from outside (a double-click, a second
   * launch, a drop), so edits in flight land in the workbook they were made in: a listener only
   * finishes writes, it does not tear the page down.
   */
  onQuitRequested(listener: () => Promise<void>): () => void;
  /** a file dropped on the window (a DOM File): main opens it if it is a workbook */
  openDroppedFile(file: DroppedFile): void;
}

/**
 * A DOM File as shared/ names it (shared/ compiles without the DOM lib): the renderer passes the
 * File of a drop event, and only the preload turns it into a path (webUtils.getPathForFile).
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/** The IPC channel names: one for calls, one for events. */
export const IPC_INVOKE_CHANNEL = 'tandem:invoke';
export const IPC_EVENT_CHANNEL = 'tandem:event';

/** The shell's channels (Electron only), each one way. */
export const SHELL_CHANNELS = {
  /** main → renderer: run this command (its id) */
  command: 'tandem:shell:command',
  /** renderer → main: the commands' states, for the native menu */
  commandStates: 'tandem:shell:command-states',
  /** main → renderer: finish your writes (a request id follows) */
  finishWrites: 'tandem:shell:finish-writes',
  /** renderer → main: the writes are finished (the request id) */
  writesFinished: 'tandem:shell:writes-finished',
  /** renderer → main: the path of a file dropped on the window */
  openDropped: 'tandem:shell:open-dropped',
} as const;
