import type { WorkbookPage } from '../state/sheet-place';
import { useProposalsUiStore } from '../state/proposals-ui-store';
import { useShellStore } from '../state/shell-store';
import { usePortfolioStore } from '../state/portfolio-store';

/**
 * Where commands meet the features that carry them out. A grid registers its clipboard and fill
 * actions, the find bar its search: the command layer calls them without knowing their insides.
 */
export type GridAction = 'cut' | 'copy' | 'paste' | 'clear' | 'selectAll' | 'fillDown' | 'fillRight';
export type FindAction = 'open' | 'next' | 'previous' | 'filter';

export interface GridActionsProvider {
  /** null when the action can run on the grid that last had the keyboard, else why not */
  unavailable(action: GridAction): string | null;
  run(action: GridAction): void;
}

export interface FindProvider {
  unavailable(page: WorkbookPage): string | null;
  run(action: FindAction, page: WorkbookPage): void;
  filterOn(): boolean;
}

let gridActions: GridActionsProvider | null = null;
let findProvider: FindProvider | null = null;

export function registerGridActions(provider: GridActionsProvider | null): void {
  gridActions = provider;
}

export function registerFind(provider: FindProvider | null): void {
  findProvider = provider;
}

type ProposalsAction = 'add' | 'session' | 'layout-ranking' | 'layout-sheet' | 'optimize' | 'frontier' | 'minimums';

export const commandActions = {
  unavailable: (action: GridAction): string | null => (gridActions === null ? 'Select cells in a sheet first' : gridActions.unavailable(action)),
  run: (action: GridAction): void => gridActions?.run(action),
  findUnavailable: (page: WorkbookPage): string | null =>
    page !== 'budget' && page !== 'proposals' ? 'Find works in the budget sheet and the proposals' : findProvider === null ? 'Find is opening' : findProvider.unavailable(page),
  find: (action: FindAction, page: WorkbookPage): void => findProvider?.run(action, page),
  filterOn: (): boolean => findProvider?.filterOn() ?? false,
  proposalsLayout: (): 'ranking' | 'sheet' => useProposalsUiStore.getState().layout,
  /** Proposals commands open the proposals view first, then do what they say there. */
  proposals(action: ProposalsAction): void {
    useShellStore.getState().setPage('proposals');
    const ui = useProposalsUiStore.getState();
    if (action === 'add') ui.set({ adding: true });
    else if (action === 'session') ui.set({ inSession: true });
    else if (action === 'layout-ranking') ui.set({ layout: 'ranking' });
    else if (action === 'layout-sheet') ui.set({ layout: 'sheet' });
    else if (action === 'minimums') ui.set({ minimumsOpen: true });
    else if (action === 'frontier') ui.set({ frontierRequested: true });
    else void usePortfolioStore.getState().optimize('npv');
  },
};
