import { create } from 'zustand';
import type { WorkbookPage } from './sheet-place';
import { useShellStore } from './shell-store';

/** A message for the user: an error that says what happened and where, or a note. */
export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  /** what it is about: a cell, a file, a field */
  where?: string;
  /** the view it came from: it shows there only */
  page: WorkbookPage;
}

interface NoticeState {
  notices: Notice[];
  show(notice: Omit<Notice, 'id' | 'page'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
/** Notes go by themselves after a few seconds; errors stay until the user closes them. */
export const INFO_SECONDS = 5;
/** At most this many are on screen; the rest wait behind a count. */
export const VISIBLE_NOTICES = 3;
/** Kept at most, oldest notes first to go: a flood of errors cannot grow without bound. */
const KEPT_NOTICES = 50;

export const useNoticeStore = create<NoticeState>((set, get) => ({
  notices: [],
  show: (notice) => {
    const id = nextId++;
    const page = useShellStore.getState().page;
    set((state) => {
      // The same message again replaces the older one rather than stacking up.
      const others = state.notices.filter((shown) => !(shown.message === notice.message && shown.page === page));
      return { notices: [...others, { ...notice, id, page }].slice(-KEPT_NOTICES) };
    });
    if (notice.tone === 'info') setTimeout(() => get().dismiss(id), INFO_SECONDS * 1000);
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));

/** The notices of a view, newest last: the ones to draw, and how many more wait. */
export function noticesOf(notices: readonly Notice[], page: WorkbookPage): { shown: Notice[]; more: number } {
  const mine = notices.filter((notice) => notice.page === page);
  return { shown: mine.slice(-VISIBLE_NOTICES), more: Math.max(0, mine.length - VISIBLE_NOTICES) };
}

/** Shows any failure as an error notice; ApiErrors carry their own sentence and location. */
export function showError(error: unknown, where?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const location = (error as { where?: unknown } | null)?.where;
  const resolvedWhere = typeof location === 'string' ? location : where;
  useNoticeStore.getState().show(resolvedWhere === undefined ? { tone: 'error', message } : { tone: 'error', message, where: resolvedWhere });
}

/** A note that fades by itself. */
export function showNote(message: string): void {
  useNoticeStore.getState().show({ tone: 'info', message });
}
