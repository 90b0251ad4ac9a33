import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ApiEvent } from '../../shared/api/contract';
import type { KnownFile, SessionState } from '../../shared/api/workbook-api';
import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { WorkbookInfo } from '../../shared/domain/workbook';
import { blankWorkbookSeed, sampleWorkbookSeed } from '../sample/sample-workbook';
import { WorkbookStore } from '../store/workbook-store';
import { refuseExisting } from '../store/workbook-file-placement';
import { writeRefusalOf } from '../store/file-access';
import { OptimizerService } from '../optimizer/optimizer-service';
import { ExportService } from '../export/export-service';
import { ImportService } from '../import/import-service';
import { PackageService } from '../package/package-service';
import type { AppPaths } from './app-paths';
import { AppSettings, SAMPLE_ACTOR } from './app-settings';

export const WORKBOOK_EXTENSION = '.tandem';
export const SAMPLE_FILE_NAME = `Sample Company${WORKBOOK_EXTENSION}`;

type EventListener = (event: ApiEvent) => void;

/** A file type a system dialog offers: `{ name: 'Tandem workbooks', extensions: ['tandem'] }`. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The system's file dialogs, set by Electron's main process; the browser host has none (the page
 * shows its own dialogs there). Each answers a path the user chose, or null when cancelled.
 */
export interface NativeDialogs {
  chooseOpen(defaultFolder?: string): Promise<string | null>;
  chooseSave(defaultPath: string, filters: FileFilter[], title?: string): Promise<string | null>;
}

/** The kinds of file an export writes, with the filter its Save dialog offers. */
export const EXPORT_FILTERS: Record<'xlsx' | 'csv' | 'pdf', FileFilter> = {
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

const WORKBOOK_FILTER: FileFilter = { name: 'Tandem workbooks', extensions: ['tandem'] };

/** A name made into a file name: no path separators or characters file systems refuse. */
export function safeFileName(name: string, fallback = 'Workbook'): string {
  const safe = name.replace(/\p{Cc}+/gu, '').replace(/[\\/:*?"<>|]+/g, '-').replace(/^\.+/, '').trim();
  return safe === '' ? fallback : safe;
}

/**
 * The back's state for one window: the app settings and the one workbook that is open.
 * Both transports drive the same session through the same handler table.
 */
export class BackSession {
  readonly settings: AppSettings;
  /** the portfolio optimizer's solves, one at a time */
  readonly optimizer = new OptimizerService();
  /** exports and imports, one at a time, with progress */
  readonly exports = new ExportService((progress) => this.emit({ name: 'export/progress', payload: progress }));
  /** prints the window's report to PDF bytes: set by the Electron transport; the browser host has none (the page prints itself) */
  pdfPrinter: (() => Promise<Buffer>) | null = null;
  /** the system's Open and Save dialogs: set by Electron's main process; null in the browser host */
  nativeDialogs: NativeDialogs | null = null;
  /** told whenever a workbook opens (Electron adds it to the OS's recent documents) */
  onOpened: ((path: string) => void) | null = null;
  /** department packages cut and brought back */
  readonly packages: PackageService;
  /** files being imported, between the mapping step and the commit */
  readonly imports = new ImportService();
  private store: WorkbookStore | null = null;
  private readonly listeners = new Set<EventListener>();

  constructor(readonly paths: AppPaths) {
    this.settings = new AppSettings(paths.userData);
    this.packages = new PackageService(join(paths.userData, 'packages-in'));
  }

  /**
   * First run: create the sample workbook and open it. Later runs: reopen the last file if it is
   * still there. A workbook the app was started with (a double-click, the command line) is
   * opened instead; when it cannot be, start-up goes on as usual and the reason is answered.
   */
  startUp(requested: string | null = null): string | null {
    mkdirSync(this.paths.workbooks, { recursive: true });
    this.exports.removeLeftovers(this.exportsFolder);
    if (requested !== null) {
      try {
        this.openFile(requested);
        // The user came with a workbook of their own: the sample is not forced on them later.
        if (this.settings.isFirstRun) this.settings.update((data) => ({ ...data, sampleOffered: true }));
        return null;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.startUp();
        return reason;
      }
    }
    if (this.settings.isFirstRun) {
      this.settings.update((data) => ({ ...data, sampleOffered: true }));
      try {
        this.openSample();
      } catch (error) {
        // A sample file that cannot be opened (damaged, newer) must not stop the app: the welcome screen says what to do.
        console.warn(`Tandem: could not open the sample workbook: ${error instanceof Error ? error.message : String(error)}`);
      }
      return null;
    }
    const last = this.settings.lastOpened;
    if (last === null || !existsSync(last)) return null;
    try {
      this.openFile(last);
    } catch (error) {
      // The file changed since last time (moved, damaged, newer): start on the welcome screen.
      console.warn(`Tandem: could not reopen ${last}: ${error instanceof Error ? error.message : String(error)}`);
      this.settings.forgetLastOpened();
    }
    return null;
  }

  shutDown(): void {
    this.optimizer.shutDown();
    this.store?.close();
    this.store = null;
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** The open workbook, or a clear error when there is none. */
  requireStore(): WorkbookStore {
    if (this.store === null) throw new ApiError('no-workbook-open', 'No workbook is open. Open or create one first.');
    return this.store;
  }

  /** A failed write of the open workbook said as what it is (read-only, in use by another program), or null for any other failure. */
  writeRefusalOf(error: unknown): ApiError | null {
    return writeRefusalOf(error, this.store);
  }

  /** Where exports go unless the user gives a full path. */
  get exportsFolder(): string {
    return join(this.paths.workbooks, 'Exports');
  }

  /** An export's path as the user gave it: a bare name goes in the exports folder (created when needed); the extension is added when missing. */
  resolveExportPath(path: string, extension: string | null): string {
    const absolute = isAbsolute(path) ? path : resolve(this.exportsFolder, path);
    if (extension !== null) mkdirSync(dirname(absolute), { recursive: true });
    return extension !== null && extname(absolute).toLowerCase() !== extension ? `${absolute}${extension}` : absolute;
  }

  /** A path as the user gave it, made absolute: relative paths are taken in the workbooks folder. */
  resolveWorkbookPath(path: string, options: { addExtension: boolean }): string {
    const absolute = isAbsolute(path) ? path : resolve(this.paths.workbooks, path);
    return options.addExtension && extname(absolute).toLowerCase() !== WORKBOOK_EXTENSION ? `${absolute}${WORKBOOK_EXTENSION}` : absolute;
  }

  state(): SessionState {
    return {
      current: this.store?.info() ?? null,
      recent: this.settings.recentFiles.map(knownFile),
      workbooksFolder: this.paths.workbooks,
      readOnlyReason: this.store?.readOnlyReason ?? null,
    };
  }

  listFiles(): KnownFile[] {
    const inFolder = existsSync(this.paths.workbooks)
      ? readdirSync(this.paths.workbooks)
          .filter((name) => name.endsWith(WORKBOOK_EXTENSION))
          .map((name) => join(this.paths.workbooks, name))
      : [];
    const all = [...this.settings.recentFiles, ...inFolder.filter((path) => !this.settings.recentFiles.includes(path))];
    return all.map(knownFile);
  }

  /** Opens `path`, closing the current workbook only once the new one has opened. */
  openFile(path: string): WorkbookInfo {
    const absolute = this.resolveWorkbookPath(path, { addExtension: false });
    const next = WorkbookStore.open(absolute);
    this.replaceStore(next);
    return next.info();
  }

  openSample(): WorkbookInfo {
    const samplePath = join(this.paths.workbooks, SAMPLE_FILE_NAME);
    return existsSync(samplePath) ? this.openFile(samplePath) : this.createFile(samplePath, sampleWorkbookSeed().name, true);
  }

  /**
   * A new workbook at `path`, then work continues in it. A file already there is replaced only when
   * `replace` says the user agreed (the system's Save dialog asks, and so does Tandem's own); else
   * it is refused, naming the file.
   */
  createFile(path: string, name: string, sample: boolean, calendar?: FiscalCalendar, replace = false): WorkbookInfo {
    const absolute = this.resolveWorkbookPath(path, { addExtension: true });
    const seed = sample ? { ...sampleWorkbookSeed(), name } : blankWorkbookSeed(name, calendar);
    // Over the open workbook too: SQLite sees its file was moved and leaves the new file's journal alone when it closes.
    const next = WorkbookStore.create(absolute, seed, sample ? SAMPLE_ACTOR : this.settings.userName, replace);
    this.replaceStore(next);
    return next.info();
  }

  /**
   * Save as: a copy at `path`, then work continues in it. A file already there is replaced only when
   * `replace` says the user agreed (the system's Save dialog asks, and so does Tandem's own); else
   * it is refused, naming the file.
   */
  async saveAs(path: string, replace = false): Promise<WorkbookInfo> {
    const current = this.requireStore();
    const absolute = this.resolveWorkbookPath(path, { addExtension: true });
    if (absolute === current.path) return current.info();
    if (!replace) refuseExisting(absolute);
    await current.copyTo(absolute, replace);
    const next = WorkbookStore.open(absolute);
    this.replaceStore(next);
    return next.info();
  }

  /** The system dialogs, or a clear error where there are none (the browser host). */
  private requireDialogs(): NativeDialogs {
    if (this.nativeDialogs === null) throw new ApiError('unknown-method', 'The system file dialogs exist only in the desktop app. Here, choose the file in Tandem’s own Open and Save as dialogs.');
    return this.nativeDialogs;
  }

  /** Open: the system's dialog chooses the file. Null when the user cancelled (nothing changes). */
  async openChosen(): Promise<WorkbookInfo | null> {
    const dialogs = this.requireDialogs();
    const current = this.store?.path;
    const path = await dialogs.chooseOpen(current === undefined ? this.paths.workbooks : dirname(current));
    return path === null ? null : this.openFile(path);
  }

  /** Save as: the system's dialog chooses where the copy goes, and has asked before replacing a file there. Null when cancelled. */
  async saveAsChosen(): Promise<WorkbookInfo | null> {
    const dialogs = this.requireDialogs();
    const current = this.requireStore();
    const suggested = join(dirname(current.path), `${safeFileName(`${current.info().name} copy`)}${WORKBOOK_EXTENSION}`);
    const path = await dialogs.chooseSave(suggested, [WORKBOOK_FILTER], 'Save a copy of the workbook');
    return path === null ? null : this.saveAs(path, true);
  }

  /** New workbook: the system's dialog chooses where its file goes, and has asked before replacing a file there. Null when cancelled. */
  async createChosen(name: string, sample: boolean, calendar?: FiscalCalendar): Promise<WorkbookInfo | null> {
    const dialogs = this.requireDialogs();
    mkdirSync(this.paths.workbooks, { recursive: true });
    const suggested = join(this.paths.workbooks, `${safeFileName(name)}${WORKBOOK_EXTENSION}`);
    const path = await dialogs.chooseSave(suggested, [WORKBOOK_FILTER], 'Where to keep the new workbook');
    return path === null ? null : this.createFile(path, name, sample, calendar, true);
  }

  /** An export's destination chosen in the system's Save dialog; null when cancelled. The export itself is asked for with this path. */
  async chooseExportPath(defaultName: string, format: keyof typeof EXPORT_FILTERS): Promise<string | null> {
    const dialogs = this.requireDialogs();
    mkdirSync(this.exportsFolder, { recursive: true });
    const filter = EXPORT_FILTERS[format];
    return dialogs.chooseSave(join(this.exportsFolder, `${safeFileName(defaultName, 'Export')}.${format}`), [filter], 'Export to');
  }

  /**
   * A workbook opened from outside the window (the file manager, the command line, a second
   * launch, a drop): opened as Open would, then the window is told to show it.
   */
  openFromOutside(path: string): WorkbookInfo {
    const info = this.openFile(path);
    this.emit({ name: 'workbook/session-changed', payload: { path: info.path } });
    return info;
  }

  closeFile(): boolean {
    if (this.store === null) return false;
    this.store.close();
    this.store = null;
    this.settings.forgetLastOpened();
    return true;
  }

  /** Tells listeners the open workbook was written. */
  announceWrite(revision: number): void {
    const store = this.requireStore();
    this.emit({ name: 'workbook/changed', payload: { path: store.path, revision } });
  }

  /** Announces a write and passes its receipt on: what every writing handler answers with. */
  announced<Receipt extends { revision: number }>(receipt: Receipt): Receipt {
    this.announceWrite(receipt.revision);
    return receipt;
  }

  /**
   * The window's first ask is the sheet: read it as soon as the file is open, while the window
   * loads, so the answer is ready (kept by the store until the file changes). A file that cannot be
   * read says so when the window asks.
   */
  private readAhead(store: WorkbookStore): void {
    setImmediate(() => {
      if (this.store !== store) return;
      try {
        store.sheetAnswer(store.defaultVersionId());
      } catch {
        // The window's own read reports it.
      }
    });
  }

  private replaceStore(next: WorkbookStore): void {
    this.store?.close();
    this.store = next;
    this.readAhead(next);
    this.settings.rememberOpened(next.path);
    try {
      this.onOpened?.(next.path);
    } catch (error) {
      // The recent-documents list is a nicety: never a reason for an open to fail.
      console.warn(`Tandem: could not note ${next.path} as a recent document: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function knownFile(path: string): KnownFile {
  let modifiedAt: string | null = null;
  try {
    modifiedAt = statSync(path).mtime.toISOString();
  } catch {
    modifiedAt = null;
  }
  return { path, name: basename(path, WORKBOOK_EXTENSION), modifiedAt };
}
