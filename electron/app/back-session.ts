import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ApiEvent } from '../../shared/api/contract';
import type { KnownFile, SessionState } from '../../shared/api/workbook-api';
import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { WorkbookInfo } from '../../shared/domain/workbook';
import { blankWorkbookSeed, sampleWorkbookSeed } from '../sample/sample-workbook';
import { WorkbookStore } from '../store/workbook-store';
import { OptimizerService } from '../optimizer/optimizer-service';
import { ExportService } from '../export/export-service';
import { ImportService } from '../import/import-service';
import { PackageService } from '../package/package-service';
import type { AppPaths } from './app-paths';
import { AppSettings, SAMPLE_ACTOR } from './app-settings';

export const WORKBOOK_EXTENSION = '.tandem';
export const SAMPLE_FILE_NAME = `Sample Company${WORKBOOK_EXTENSION}`;

type EventListener = (event: ApiEvent) => void;

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

  /** First run: create the sample workbook and open it. Later runs: reopen the last file if it is still there. */
  startUp(): void {
    mkdirSync(this.paths.workbooks, { recursive: true });
    if (this.settings.isFirstRun) {
      this.settings.update((data) => ({ ...data, sampleOffered: true }));
      try {
        this.openSample();
      } catch (error) {
        // A sample file that cannot be opened (damaged, newer) must not stop the app: the welcome screen says what to do.
        console.warn(`Tandem: could not open the sample workbook: ${error instanceof Error ? error.message : String(error)}`);
      }
      return;
    }
    const last = this.settings.lastOpened;
    if (last === null || !existsSync(last)) return;
    try {
      this.openFile(last);
    } catch (error) {
      // The file changed since last time (moved, damaged, newer): start on the welcome screen.
      console.warn(`Tandem: could not reopen ${last}: ${error instanceof Error ? error.message : String(error)}`);
      this.settings.forgetLastOpened();
    }
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
    return { current: this.store?.info() ?? null, recent: this.settings.recentFiles.map(knownFile), workbooksFolder: this.paths.workbooks };
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

  createFile(path: string, name: string, sample: boolean, calendar?: FiscalCalendar): WorkbookInfo {
    const absolute = this.resolveWorkbookPath(path, { addExtension: true });
    const seed = sample ? { ...sampleWorkbookSeed(), name } : blankWorkbookSeed(name, calendar);
    const next = WorkbookStore.create(absolute, seed, sample ? SAMPLE_ACTOR : this.settings.userName);
    this.replaceStore(next);
    return next.info();
  }

  async saveAs(path: string): Promise<WorkbookInfo> {
    const current = this.requireStore();
    const absolute = this.resolveWorkbookPath(path, { addExtension: true });
    if (absolute === current.path) return current.info();
    if (existsSync(absolute)) throw new ApiError('already-exists', `A file already exists at ${absolute}. Choose another name.`, absolute);
    await current.copyTo(absolute);
    const next = WorkbookStore.open(absolute);
    this.replaceStore(next);
    return next.info();
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

  private replaceStore(next: WorkbookStore): void {
    this.store?.close();
    this.store = next;
    this.settings.rememberOpened(next.path);
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
