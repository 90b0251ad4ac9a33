import { useEffect } from 'react';
import { isCommandKey } from '../commands/command-keys';
import { useFindStore, type FindScope } from './find-store';

/**
 * Find's keys for a view: Ctrl+F (find), F3 and Shift+F3 (next, previous) and Ctrl+Shift+F (show
 * only matching lines), as the command table spells them. Listens before the grid does, so the
 * keys work from a cell, from the find field and while a cell is being edited; not in a dialog.
 */
export function useFindKeys(scope: FindScope): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof Element && event.target.closest('[role="dialog"], [role="alertdialog"]') !== null) return;
      const store = useFindStore.getState();
      let run: (() => void) | null = null;
      if (isCommandKey(event, 'edit.find')) run = () => store.openFind(scope);
      else if (isCommandKey(event, 'edit.find-next')) run = () => store.findNext(scope);
      else if (isCommandKey(event, 'edit.find-previous')) run = () => store.findPrevious(scope);
      else if (isCommandKey(event, 'edit.filter')) run = () => store.toggleFilter(scope);
      if (run === null) return;
      event.preventDefault();
      event.stopPropagation();
      run();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [scope]);
}
