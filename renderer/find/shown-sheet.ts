import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { filterSheet, refilterSheet, type FilteredSheet } from '../../shared/sheet/sheet-filter';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { useSheetStore } from '../state/sheet-store';
import { filterActive, useFindStore, type FindHit } from './find-store';

/**
 * The budget sheet as the grid shows it: the whole sheet, or with "show only matching lines" on,
 * the matching lines with subtotals and totals of those lines (shared/sheet/sheet-filter.ts).
 * Display positions (the selection's rows, the cursor's row) are positions in this sheet.
 */

let last: { matches: readonly FindHit[]; lineIds: ReadonlySet<number>; filtered: FilteredSheet } | null = null;

function lineIdsOf(matches: readonly FindHit[]): Set<number> {
  return new Set(matches.map((hit) => Number(hit.rowId)));
}

/** The filtered sheet for a sheet and the find's matches, or null with the filter off. Follows edits by their differences. */
export function filteredSheetOf(view: SheetView | null, active: boolean, matches: readonly FindHit[]): FilteredSheet | null {
  if (view === null || !active) {
    last = null;
    return null;
  }
  if (last !== null && last.matches === matches) {
    if (last.filtered.source !== view) last = { ...last, filtered: refilterSheet(last.filtered, view) };
    return last.filtered;
  }
  const lineIds = lineIdsOf(matches);
  last = { matches, lineIds, filtered: filterSheet(view, lineIds) };
  return last.filtered;
}

/** The filtered sheet now (from the stores), or null with the filter off. */
export function currentFilter(): FilteredSheet | null {
  const find = useFindStore.getState();
  return filteredSheetOf(useSheetStore.getState().view, filterActive(find, 'budget'), find.matches);
}

/** The sheet the grid shows now: filtered or whole. For event handlers and grid callbacks. */
export function shownSheet(): SheetView | null {
  return currentFilter()?.view ?? useSheetStore.getState().view;
}

/** The filter as a component sees it, redrawn when the sheet or the filter changes. */
export function useSheetFilter(view: SheetView | null): FilteredSheet | null {
  const { active, matches } = useFindStore(useShallow((state) => ({ active: filterActive(state, 'budget'), matches: state.matches })));
  return useMemo(() => filteredSheetOf(view, active, matches), [view, active, matches]);
}

/** The sheet the grid shows, for a component: filtered or whole. */
export function useShownSheet(): SheetView | null {
  const view = useSheetStore((state) => state.view);
  return useSheetFilter(view)?.view ?? view;
}
