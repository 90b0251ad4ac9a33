import { create } from 'zustand';

/** A message for the user: an error that says what happened and where, or a note. */
export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
  /** what it is about: a cell, a file, a field */
  where?: string;
}

interface NoticeState {
  notices: Notice[];
  show(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
/** Notes go by themselves after a while; errors stay until the user closes them. */
const INFO_SECONDS = 8;

export const useNoticeStore = create<NoticeState>((set, get) => ({
  notices: [],
  show: (notice) => {
    const id = nextId++;
    set((state) => ({ notices: [...state.notices.slice(-3), { ...notice, id }] }));
    if (notice.tone === 'info') setTimeout(() => get().dismiss(id), INFO_SECONDS * 1000);
  },
  dismiss: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
}));

/** Shows any failure as an error notice; ApiErrors carry their own sentence and location. */
export function showError(error: unknown, where?: string): void {
  const message = error instanceof Error ? error.message : String(error);
  const location = (error as { where?: unknown } | null)?.where;
  const resolvedWhere = typeof location === 'string' ? location : where;
  useNoticeStore.getState().show(resolvedWhere === undefined ? { tone: 'error', message } : { tone: 'error', message, where: resolvedWhere });
}
