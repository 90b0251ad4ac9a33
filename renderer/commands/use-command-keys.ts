import { useEffect } from 'react';
import { availableOn, COMMAND_IDS, type CommandId } from '../../shared/commands/command-table';
import { showNote } from '../state/notice-store';
import { commandShortcut, isCommandKey } from './command-keys';
import { runCommand } from './command-handlers';

/**
 * Commands whose keys the focused grid handles itself (the clipboard through the browser's own
 * copy and paste events, the spreadsheet keys, the one-letter decisions on a proposal, which
 * elsewhere are typing): the global binding leaves them to it.
 */
const GRID_KEYS = new Set<CommandId>([
  'edit.cut', 'edit.copy', 'edit.paste', 'edit.clear', 'edit.select-all', 'edit.fill-down', 'edit.fill-right', 'data.move-up', 'data.move-down',
  'proposals.fund', 'proposals.defer', 'proposals.reject', 'proposals.reopen',
]);
/** In a text field these keys belong to the field (its own undo). */
const TEXT_FIELD_KEYS = new Set<CommandId>(['edit.undo', 'edit.redo']);

function inTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** The key bindings of the whole app, every one from the command table. */
export function useCommandKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A modal dialog owns the keyboard until it closes.
      if (document.querySelector('[aria-modal="true"]') !== null) return;
      // Electron's own commands (quit, minimize) are its roles' keys, never the page's.
      const id = COMMAND_IDS.find((candidate) => !GRID_KEYS.has(candidate) && availableOn(candidate, 'browser') && isCommandKey(event, candidate));
      if (id === undefined) return;
      // A held key runs its command once; the repeats must not reach the browser's own Ctrl+F or Ctrl+P either.
      if (event.repeat) {
        if (!(TEXT_FIELD_KEYS.has(id) && inTextField(event.target))) event.preventDefault();
        return;
      }
      if (TEXT_FIELD_KEYS.has(id) && inTextField(event.target)) return;
      // A plain key (F3, Shift+F2) typed in a field is the field's, except in the find bar.
      const shortcut = commandShortcut(id);
      if (shortcut !== null && shortcut.mod !== true && inTextField(event.target) && !(event.target instanceof HTMLElement && event.target.closest('[data-find-bar]') !== null)) return;
      event.preventDefault();
      const reason = runCommand(id);
      // A shortcut that cannot act says why instead of doing nothing.
      if (reason !== null) showNote(reason);
    };
    // Before the grid sees the key: AG Grid would take Shift+F2 as "edit the cell".
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
