import { create } from 'zustand';
import type { ProposalStatus } from '../../shared/domain/proposal';

/** The proposals view's own state that commands reach from the menus: its layout and its dialogs. */
interface ProposalsUiState {
  layout: 'ranking' | 'sheet';
  adding: boolean;
  inSession: boolean;
  minimumsOpen: boolean;
  /** the frontier asked for from the menu, shown once the view is on screen */
  frontierRequested: boolean;
  /** the decision asked for (a key or the menu), waiting for its reason */
  deciding: { proposalId: number; decision: ProposalStatus } | null;
  set(change: Partial<Omit<ProposalsUiState, 'set'>>): void;
}

export const useProposalsUiStore = create<ProposalsUiState>((set) => ({
  layout: 'ranking',
  adding: false,
  inSession: false,
  minimumsOpen: false,
  frontierRequested: false,
  deciding: null,
  set: (change) => set(change),
}));
