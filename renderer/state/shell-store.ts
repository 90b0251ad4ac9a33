import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { WorkbookPage } from './sheet-place';

/** How many workbooks' layouts are remembered: the oldest are forgotten first. */
const REMEMBERED_WORKBOOKS = 40;

/** What is remembered of one workbook on this computer: the view it was left on, and column widths. */
export interface WorkbookLayout {
  page: WorkbookPage;
  /** column id → width in pixels, per grid ('budget', 'proposals') */
  columnWidths: Record<string, Record<string, number>>;
  usedAt: number;
}

interface ShellState {
  /** the part of the workbook on screen */
  page: WorkbookPage;
  dark: boolean;
  commentsOpen: boolean;
  /** the open workbook's path, whose layout the page and widths are remembered under */
  workbookPath: string | null;
  layouts: Record<string, WorkbookLayout>;
  setPage(page: WorkbookPage): void;
  setDark(dark: boolean): void;
  setCommentsOpen(open: boolean): void;
  /** Another workbook is open: go back to the view it was left on. */
  enterWorkbook(path: string | null): void;
  rememberColumnWidths(grid: string, widths: Record<string, number>): void;
  columnWidths(grid: string): Record<string, number>;
}

const prefersDark = (): boolean => (typeof window === 'undefined' ? false : (window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false));

/** The layouts with one workbook's changed, keeping only the most recently used ones. */
function withLayout(layouts: Record<string, WorkbookLayout>, path: string, change: Partial<WorkbookLayout>): Record<string, WorkbookLayout> {
  const before = layouts[path] ?? { page: 'budget', columnWidths: {}, usedAt: 0 };
  const next: [string, WorkbookLayout][] = [...Object.entries(layouts).filter(([key]) => key !== path), [path, { ...before, ...change, usedAt: Date.now() }]];
  return Object.fromEntries(next.sort(([, a], [, b]) => b.usedAt - a.usedAt).slice(0, REMEMBERED_WORKBOOKS));
}

export const useShellStore = create<ShellState>()(
  persist(
    (set, get) => ({
      page: 'budget',
      dark: prefersDark(),
      commentsOpen: false,
      workbookPath: null,
      layouts: {},
      setPage: (page) => {
        const path = get().workbookPath;
        set((state) => ({ page, layouts: path === null ? state.layouts : withLayout(state.layouts, path, { page }) }));
      },
      setDark: (dark) => set({ dark }),
      setCommentsOpen: (commentsOpen) => set({ commentsOpen }),
      enterWorkbook: (path) => {
        if (path === get().workbookPath) return;
        set((state) => ({ workbookPath: path, page: path === null ? 'budget' : (state.layouts[path]?.page ?? 'budget') }));
      },
      rememberColumnWidths: (grid, widths) => {
        const path = get().workbookPath;
        if (path === null) return;
        set((state) => ({ layouts: withLayout(state.layouts, path, { columnWidths: { ...(state.layouts[path]?.columnWidths ?? {}), [grid]: widths } }) }));
      },
      columnWidths: (grid) => {
        const path = get().workbookPath;
        return path === null ? {} : (get().layouts[path]?.columnWidths[grid] ?? {});
      },
    }),
    // The theme and the layouts outlive the session; the page is restored per workbook on entering it.
    { name: 'tandem.shell', partialize: (state) => ({ dark: state.dark, layouts: state.layouts }) },
  ),
);
