import { showError } from '../../state/notice-store';

/**
 * The grid that last had the keyboard (the budget sheet or the proposals grid), with what menus,
 * the toolbar and the context menu can ask of it. Each grid of cells registers its actions
 * through the shared behaviour (use-spreadsheet) when it gets the focus, and leaves when it goes.
 */
export interface GridActions {
  /** copies the selection (text and an HTML table) and clears it */
  cut(): void;
  /** puts the selection on the clipboard as text and as an HTML table */
  copy(): void;
  /** pastes tab-separated text at the selection, as Ctrl+V does */
  paste(text: string): void;
  /** empties the selected cells that take entries (Delete) */
  clear(): void;
  selectAll(): void;
  fillDown(): void;
  fillRight(): void;
  /** whether there is a selection or a cursor on a cell to act on */
  hasSelection(): boolean;
  /** why the grid's cells cannot be changed now (an approved version, computed figures), or null */
  readOnly(): string | null;
}

/** The actions the command layer names (renderer/commands), one per grid action. */
export type GridActionName = 'cut' | 'copy' | 'paste' | 'clear' | 'selectAll' | 'fillDown' | 'fillRight';

let active: GridActions | null = null;

/** The actions of the grid that last had the keyboard, or null when no grid of cells is on screen. */
export function activeGridActions(): GridActions | null {
  return active;
}

const listeners = new Set<() => void>();

/** Hears when another grid becomes the active one (the menus' states depend on it). */
export function subscribeActiveGrid(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Makes a grid the active one (on focus). Returns the function that withdraws it, if it is still the active one. */
export function setActiveGrid(actions: GridActions): () => void {
  active = actions;
  listeners.forEach((listener) => listener());
  return () => {
    if (active !== actions) return;
    active = null;
    listeners.forEach((listener) => listener());
  };
}

/** Why an action cannot run on the active grid now, or null when it can: the sentence a disabled menu item shows. */
export function gridActionUnavailable(action: GridActionName): string | null {
  const grid = active;
  if (grid === null) return 'Select cells in the budget sheet or the proposals first';
  if (action === 'selectAll') return null;
  if (!grid.hasSelection()) return 'Select cells first';
  if (action === 'copy') return null;
  return grid.readOnly();
}

/**
 * Reads the clipboard's text and pastes it into the active grid (a menu's Paste: there is no
 * paste event to read). Says why when the browser refuses to read the clipboard.
 */
export async function pasteFromClipboard(grid: GridActions | null = active): Promise<void> {
  if (grid === null) return;
  let text: string;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    throw new Error('The clipboard could not be read here: press Ctrl+V (⌘V on a Mac) in the sheet instead.');
  }
  grid.paste(text);
}

/**
 * The active grid's actions as the command layer runs them: `unavailable(action)` and
 * `run(action)`. (Its shape is the command layer's GridActionsProvider, so it can be registered there as is.)
 */
export const gridCommandProvider = {
  unavailable: (action: GridActionName): string | null => gridActionUnavailable(action),
  run(action: GridActionName): void {
    const grid = active;
    if (grid === null) return;
    if (action === 'paste') void pasteFromClipboard(grid).catch(showError);
    else grid[action]();
  },
};
