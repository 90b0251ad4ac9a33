import { z } from 'zod';
import { MAX_PERIODS, MIN_PERIODS } from '../calendar/fiscal-calendar';
import type { WorkbookInfo } from '../domain/workbook';
import { filePath } from './fields';
import { method } from './method';

/** A workbook file the app knows of. */
export interface KnownFile {
  path: string;
  name: string;
  /** ISO time of the last change on disk, null when the file is gone */
  modifiedAt: string | null;
}

export interface SessionState {
  current: WorkbookInfo | null;
  recent: KnownFile[];
  /** where new workbooks go and where Open looks first */
  workbooksFolder: string;
  /** why the open workbook can only be read and exported ("the file is read-only", "the folder is read-only"); null when it can be changed */
  readOnlyReason: string | null;
}

/** What the host offers the page. */
export interface AppCapabilities {
  /** Open, Save as, New and export destinations use the system's dialogs (Electron); false in the browser */
  nativeDialogs: boolean;
}

const workbookPath = filePath('Give a file name or path.');
const workbookName = z.string().trim().min(1).max(200);
const fiscalCalendar = z
  .object({
    startYear: z.number().int().min(2000).max(2100),
    startMonth: z.number().int().min(1, 'months are 1 to 12').max(12, 'months are 1 to 12'),
    periodCount: z.number().int().min(MIN_PERIODS, `a budget spans ${MIN_PERIODS} to ${MAX_PERIODS} months`).max(MAX_PERIODS, `a budget spans ${MIN_PERIODS} to ${MAX_PERIODS} months`),
  })
  .strict();

export const workbookMethods = {
  /** What is open and what was open lately. */
  'workbook/get-session': method<SessionState>()(z.object({}).strict()),
  /** Workbook files in the workbooks folder, plus the recent ones elsewhere. */
  'workbook/list-files': method<KnownFile[]>()(z.object({}).strict()),
  /** Create a new workbook file (blank or the sample company) and open it. A relative path is taken in the workbooks folder. */
  'workbook/create-file': method<WorkbookInfo>()(
    z
      .object({
        path: workbookPath,
        name: workbookName,
        sample: z.boolean(),
        /** the fiscal calendar of a blank workbook (the sample has its own) */
        calendar: fiscalCalendar.optional(),
        /** the user agreed to replace a file already at `path`; without it, such a file is refused */
        replace: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Open the sample company's workbook, creating it in the workbooks folder when it is not there. */
  'workbook/open-sample': method<WorkbookInfo>()(z.object({}).strict()),
  'workbook/open-file': method<WorkbookInfo>()(z.object({ path: workbookPath }).strict()),
  /** Copy the open workbook to a new file and continue in the copy. A file already at `path` is refused unless `replace` says the user agreed. */
  'workbook/save-as': method<WorkbookInfo>()(z.object({ path: workbookPath, replace: z.boolean().optional() }).strict()),
  'workbook/close-file': method<{ closed: boolean }>()(z.object({}).strict()),
  /**
   * Open with the system's dialog (desktop app only): the back shows it, the page sees only the
   * workbook the user chose. Null when the user cancelled. Elsewhere, a clear error.
   */
  'workbook/open-chosen': method<WorkbookInfo | null>()(z.object({}).strict()),
  /** Save as with the system's dialog (desktop app only); null when cancelled. */
  'workbook/save-as-chosen': method<WorkbookInfo | null>()(z.object({}).strict()),
  /** A new workbook whose file's place is chosen in the system's Save dialog (desktop app only); null when cancelled. */
  'workbook/create-chosen': method<WorkbookInfo | null>()(z.object({ name: workbookName, sample: z.boolean(), calendar: fiscalCalendar.optional() }).strict()),
  /** An export's destination chosen in the system's Save dialog (desktop app only): the path to export to, or null when cancelled. */
  'app/choose-export-path': method<{ path: string } | null>()(z.object({ defaultName: z.string().trim().min(1).max(200), format: z.enum(['xlsx', 'csv', 'pdf']) }).strict()),
  /** What this host offers: the system's file dialogs in the desktop app, the page's own dialogs in the browser. */
  'app/capabilities': method<AppCapabilities>()(z.object({}).strict()),
};
