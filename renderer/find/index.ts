/** Find and filter: the find bar, its store, its keys, and the sheet as the filter shows it. */
export { FindBar, type FindBarProps } from './FindBar';
export { useFindStore, registerFindTarget, filterActive, findCommandProvider, type FindScope, type FindHit, type FindTarget } from './find-store';
export { shownSheet, currentFilter, useShownSheet, useSheetFilter } from './shown-sheet';
