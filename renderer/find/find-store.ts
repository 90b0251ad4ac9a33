import { create } from 'zustand';
import type { WorkbookPage } from '../state/sheet-place';

/** Where find looks: the budget sheet or the proposals. One find bar is open at a time. */
export type FindScope = 'budget' | 'proposals';

/** A match, as the find bar counts it and its grid shows it: a row (by grid row id) and a column. */
export interface FindHit {
  /** unique among the matches: keeps the current match across a refresh */
  key: string;
  rowId: string;
  /** the grid's column id (the budget), or the target's own column name (the proposals map it to their layout) */
  column: string;
}

/** What a grid gives find: its search, and how to show a match and take the keyboard back. */
export interface FindTarget {
  search(query: string): FindHit[];
  /** puts the grid's cursor on the match, scrolled into view; `keepFocus` leaves the keyboard in the find field */
  reveal(hit: FindHit, keepFocus: boolean): void;
  /** gives the keyboard back to the grid (on Esc) */
  focusGrid(): void;
}

export interface FindState {
  open: boolean;
  scope: FindScope;
  query: string;
  /** every match in the grid's order */
  matches: readonly FindHit[];
  /** the current match, or -1 */
  current: number;
  /** "show only matching lines" */
  filterOn: boolean;
  /** bumped when the find field should take the keyboard (Ctrl+F again selects the query) */
  focusRequest: number;
  openFind(scope: FindScope): void;
  /** closes the bar, turns the filter off (the whole sheet returns) and gives the keyboard back to the grid */
  closeFind(): void;
  /** searches as the user types and goes to the first match */
  setQuery(query: string): void;
  /** the next match, wrapping at the end; opens the bar when there is nothing to look for yet */
  findNext(scope?: FindScope): void;
  findPrevious(scope?: FindScope): void;
  /** shows only the matching lines, or all of them again; opens the bar when it is closed */
  toggleFilter(scope?: FindScope): void;
  /** searches again after the grid's lines changed (added, removed, renamed, regrouped), keeping the current match */
  refresh(scope: FindScope): void;
}

const targets = new Map<FindScope, FindTarget>();

/** A grid offers itself to find; returns the function that withdraws it. */
export function registerFindTarget(scope: FindScope, target: FindTarget): () => void {
  targets.set(scope, target);
  return () => {
    if (targets.get(scope) === target) targets.delete(scope);
  };
}

/** Whether the keyboard is in the find bar, so going to a match leaves it there. */
function typingInFindBar(): boolean {
  return typeof document !== 'undefined' && document.activeElement instanceof Element && document.activeElement.closest('.find-bar') !== null;
}

export const useFindStore = create<FindState>((set, get) => {
  const reveal = (index: number) => {
    const { matches, scope } = get();
    const hit = matches[index];
    if (hit !== undefined) targets.get(scope)?.reveal(hit, typingInFindBar());
  };
  const step = (direction: 1 | -1, scope: FindScope | undefined) => {
    const state = get();
    if (scope !== undefined && scope !== state.scope) {
      state.openFind(scope);
      return;
    }
    if (state.query.trim() === '') {
      state.openFind(state.scope);
      return;
    }
    // Closed with a query, F3 goes on looking, as in a browser: the lines may have changed since.
    const matches = state.matches.length === 0 ? (targets.get(state.scope)?.search(state.query) ?? []) : state.matches;
    if (matches.length === 0) {
      set({ matches, current: -1 });
      return;
    }
    const current = state.current < 0 ? (direction === 1 ? 0 : matches.length - 1) : (state.current + direction + matches.length) % matches.length;
    set({ matches, current });
    reveal(current);
  };
  return {
    open: false,
    scope: 'budget',
    query: '',
    matches: [],
    current: -1,
    filterOn: false,
    focusRequest: 0,
    openFind(scope) {
      const state = get();
      if (scope !== state.scope) {
        set({ scope, query: '', matches: [], current: -1, filterOn: false });
      } else if (!state.open && state.query.trim() !== '') {
        // Reopened: the lines may have changed while the bar was closed.
        state.refresh(scope);
      }
      set((now) => ({ open: true, focusRequest: now.focusRequest + 1 }));
    },
    closeFind() {
      const { open, scope } = get();
      set({ open: false, filterOn: false });
      if (open) targets.get(scope)?.focusGrid();
    },
    setQuery(query) {
      const { scope } = get();
      const matches = query.trim() === '' ? [] : (targets.get(scope)?.search(query) ?? []);
      set({ query, matches, current: matches.length > 0 ? 0 : -1 });
      if (matches.length > 0) reveal(0);
    },
    findNext: (scope) => step(1, scope),
    findPrevious: (scope) => step(-1, scope),
    toggleFilter(scope) {
      const state = get();
      if ((scope !== undefined && scope !== state.scope) || !state.open) state.openFind(scope ?? state.scope);
      set((now) => ({ filterOn: !now.filterOn }));
    },
    refresh(scope) {
      const state = get();
      if (scope !== state.scope || state.query.trim() === '') return;
      const matches = targets.get(scope)?.search(state.query) ?? [];
      const currentKey = state.matches[state.current]?.key;
      const kept = currentKey === undefined ? -1 : matches.findIndex((hit) => hit.key === currentKey);
      set({ matches, current: kept >= 0 ? kept : matches.length > 0 ? Math.min(Math.max(state.current, 0), matches.length - 1) : -1 });
    },
  };
});

/** Whether the filter is hiding lines of a scope now: on, with something to look for. */
export function filterActive(state: Pick<FindState, 'filterOn' | 'scope' | 'query'>, scope: FindScope): boolean {
  return state.filterOn && state.scope === scope && state.query.trim() !== '';
}

/** The pages find works on, and the scope each searches. */
const SCOPE_OF_PAGE: Partial<Record<WorkbookPage, FindScope>> = { budget: 'budget', proposals: 'proposals' };

/**
 * Find as the command layer runs it (Edit › Find, Find next, Find previous, Show only matching
 * lines). Its shape is the command layer's FindProvider, so it can be registered there as is.
 */
export const findCommandProvider = {
  unavailable(page: WorkbookPage): string | null {
    const scope = SCOPE_OF_PAGE[page];
    if (scope === undefined) return 'Find works in the budget sheet and the proposals';
    if (!targets.has(scope)) return scope === 'budget' ? 'The sheet is still opening' : 'There are no proposals to search yet';
    return null;
  },
  run(action: 'open' | 'next' | 'previous' | 'filter', page: WorkbookPage): void {
    const scope = SCOPE_OF_PAGE[page];
    if (scope === undefined) return;
    const store = useFindStore.getState();
    if (action === 'open') store.openFind(scope);
    else if (action === 'next') store.findNext(scope);
    else if (action === 'previous') store.findPrevious(scope);
    else store.toggleFilter(scope);
  },
  filterOn: (): boolean => useFindStore.getState().filterOn,
};
