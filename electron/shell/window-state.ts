import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A rectangle on the virtual screen, in device-independent pixels (Electron's Rectangle). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What Tandem remembers of its window between runs. */
export interface WindowState {
  /** the window's bounds when neither maximized nor full screen */
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';
/** A window whose title bar shows less than this on every display is moved back into view. */
const VISIBLE_TITLE_WIDTH = 120;
const TITLE_BAR_HEIGHT = 32;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]));
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** 1,440 x 900 centred in the work area, or the whole work area when it is smaller. */
export function defaultBounds(workArea: Rect): Rect {
  const width = Math.min(DEFAULT_SIZE.width, workArea.width);
  const height = Math.min(DEFAULT_SIZE.height, workArea.height);
  return { x: Math.round(workArea.x + (workArea.width - width) / 2), y: Math.round(workArea.y + (workArea.height - height) / 2), width, height };
}

/**
 * Where the window opens: the saved state when it is well-formed and its title bar can be
 * grabbed on one of today's displays (a monitor may have been unplugged since), made no larger
 * than that display's work area; otherwise 1,440 x 900 centred on the primary display.
 */
export function restoredWindowState(saved: unknown, workAreas: readonly Rect[], primary: Rect): WindowState {
  const fallback = { bounds: defaultBounds(primary), maximized: false };
  if (typeof saved !== 'object' || saved === null) return fallback;
  const { bounds, maximized } = saved as Record<string, unknown>;
  if (!isRect(bounds) || bounds.width < MIN_SIZE.width / 2 || bounds.height < MIN_SIZE.height / 2) return fallback;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  const home = workAreas.find((area) => {
    const shown = overlap(titleBar, area);
    return shown !== null && shown.width >= Math.min(VISIBLE_TITLE_WIDTH, bounds.width) && bounds.y >= area.y;
  });
  if (home === undefined) return { bounds: defaultBounds(primary), maximized: maximized === true };
  const width = Math.round(Math.min(Math.max(bounds.width, MIN_SIZE.width), home.width));
  const height = Math.round(Math.min(Math.max(bounds.height, MIN_SIZE.height), home.height));
  return { bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width, height }, maximized: maximized === true };
}

export function windowStatePath(userData: string): string {
  return join(userData, WINDOW_STATE_FILE);
}

/** The saved state as it was written, or null when there is none or it is not JSON. */
export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the state whole or not at all (a temporary file renamed into place). */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, file);
}
