import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { commandShortcutLabel } from '../commands/command-keys';
import type { CommandId } from '../../shared/commands/command-table';
import { useFindStore, type FindScope } from './find-store';

const WHAT: Record<FindScope, { one: string; many: string; placeholder: string }> = {
  budget: { one: 'line', many: 'lines', placeholder: 'Line, department, account, comment or amount' },
  proposals: { one: 'proposal', many: 'proposals', placeholder: 'Proposal, owner, department, goal or amount' },
};

const withShortcut = (text: string, id: CommandId) => {
  const shortcut = commandShortcutLabel(id);
  return shortcut === '' ? text : `${text} (${shortcut})`;
};

export interface FindBarProps {
  scope: FindScope;
  /** with the filter on: how many lines (or proposals) are shown, of how many */
  shown?: { count: number; of: number } | null;
}

/**
 * The find bar above a grid: the query, "3 of 17", previous and next, "Show only matching lines"
 * and close. Enter goes to the next match, Shift+Enter to the previous, Esc closes the bar (the
 * filter goes with it) and gives the keyboard back to the grid.
 */
export function FindBar({ scope, shown = null }: FindBarProps) {
  const state = useFindStore(
    useShallow((find) => ({
      open: find.open && find.scope === scope,
      query: find.query,
      count: find.matches.length,
      current: find.current,
      filterOn: find.filterOn,
      focusRequest: find.focusRequest,
    })),
  );
  const { setQuery, findNext, findPrevious, toggleFilter, closeFind } = useFindStore.getState();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!state.open) return;
    input.current?.focus();
    input.current?.select();
  }, [state.open, state.focusRequest]);
  if (!state.open) return null;

  const what = WHAT[scope];
  const searching = state.query.trim() !== '';
  const status = !searching ? '' : state.count === 0 ? `No ${what.one} matches “${state.query.trim()}”` : `${state.current + 1} of ${state.count}`;
  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) findPrevious(scope);
      else findNext(scope);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeFind();
    }
  };
  return (
    <div className="find-bar" role="search" aria-label={`Find in the ${scope === 'budget' ? 'sheet' : 'proposals'}`} data-testid="find-bar" data-find-bar>
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find"
        placeholder={what.placeholder}
        value={state.query}
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className={`find-count${searching && state.count === 0 ? ' find-none' : ''}`} role="status" aria-live="polite" data-testid="find-count">
        {status}
      </span>
      <button type="button" className="find-step" aria-label="Previous match" title={withShortcut('Previous match', 'edit.find-previous')} disabled={state.count === 0} onClick={() => findPrevious(scope)}>
        ↑
      </button>
      <button type="button" className="find-step" aria-label="Next match" title={withShortcut('Next match', 'edit.find-next')} disabled={state.count === 0} onClick={() => findNext(scope)}>
        ↓
      </button>
      <label className="find-filter" title={withShortcut(`Hide the ${what.many} that do not match; subtotals and totals then add the ${what.many} shown`, 'edit.filter')}>
        <input type="checkbox" checked={state.filterOn} onChange={() => toggleFilter(scope)} />
        Show only matching {what.many}
      </label>
      {state.filterOn && searching && shown !== null && (
        <span className="find-shown" data-testid="find-shown">
          {shown.count.toLocaleString('en-US')} of {shown.of.toLocaleString('en-US')} {shown.of === 1 ? what.one : what.many} shown
        </span>
      )}
      <button type="button" className="find-close" aria-label="Close find" title="Close (Esc)" onClick={closeFind}>
        ×
      </button>
    </div>
  );
}
