import { create } from 'zustand';

/** The proposals view's own state that commands reach from the menus: its layout and its dialogs. */
interface ProposalsUiState {
  layout: 'ranking' | 'sheet';
  adding: boolean;
  inSession: boolean;
  minimumsOpen: boolean;
  /** the frontier asked for from the menu, shown once the view is on screen */
  frontierRequested: boolean;
  set(change: Partial<Omit<ProposalsUiState, 'set'>>): void;
}

export const useProposalsUiStore = create<ProposalsUiState>((set) => ({
  layout: 'ranking',
  adding: false,
  inSession: false,
  minimumsOpen: false,
  frontierRequested: false,
  set: (change) => set(change),
}));
