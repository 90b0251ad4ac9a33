import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ImportInspectionAnswer, ImportPreviewAnswer } from '../../shared/api/import-api';
import { importTargetLabel, type ImportTarget } from '../../shared/import/import-target';
import { planImport, suggestMapping, type ImportContext, type ImportMapping, type ImportPlan } from '../../shared/import/plan-import';
import type { WorkbookStore } from '../store/workbook-store';
import { IMPORT_LIMITS, overLimit, type ImportLimits } from './import-limits';
import type { ImportSource } from './import-source';
import { readInWorker } from './read-off-thread';
import { isCsvByName, readImportTable, type ImportTable } from './read-table';
import { silentJob, type ExportJob } from '../export/export-job';

/**
 * The bundled reader, next to the bundled back (dist/back). In a packaged app it is unpacked
 * from the archive (electron-builder.yml), because a worker thread cannot start from inside app.asar.
 */
const WORKER_SCRIPT = join(__dirname, 'import-worker.js').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');

/** Files kept between inspect and commit, at most; together they hold no more cells than one file may. */
const HELD_FILES = 3;
/** The inspect answer shows a file's start: this many rows, each field cut to this many characters. */
const SAMPLE_ROWS = 12;
const SHOWN_CHARS = 200;

const shown = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 1)}…` : text);

/**
 * Imports in three steps: inspect (read the file once, keep it under a token), preview (check
 * every row against a mapping), commit (check again, then write all or nothing). Reading runs in
 * a worker thread when the back is bundled (the app); in the calling thread, still streamed and
 * yielding between batches, when it is not (tests run the TypeScript sources, unless they point
 * `readInWorkerFrom` at a bundled reader).
 */
export class ImportService {
  private readonly tables = new Map<string, { name: string; table: ImportTable }>();
  /** What rows are checked against (the workbook's lines and values), as read at the workbook's revision: one, the last read. */
  private context: { store: WorkbookStore; target: string; revision: number; context: ImportContext } | null = null;
  private workerScript: string | null;

  constructor(
    workerScript: string | null = existsSync(WORKER_SCRIPT) ? WORKER_SCRIPT : null,
    private readonly limits: ImportLimits = IMPORT_LIMITS,
  ) {
    this.workerScript = workerScript;
  }

  /** Reads files in a worker thread started from `script` (a bundled import-worker.js), or in this thread (null). */
  readInWorkerFrom(script: string | null): void {
    this.workerScript = script;
  }

  /** Lets go of every file held between inspect and commit (their tokens are asked for again). */
  forget(): void {
    this.tables.clear();
    this.context = null;
  }

  /**
   * The context rows are checked against: read again unless the workbook is at the revision it was
   * read at (every write bumps it), so a check never sees lines or values the file no longer has.
   */
  private contextFor(store: WorkbookStore, target: ImportTarget): ImportContext {
    const key = JSON.stringify(target);
    const revision = store.info().revision;
    const kept = this.context;
    if (kept !== null && kept.store === store && kept.target === key && kept.revision === revision) return kept.context;
    this.context = null;
    const context = store.importContext(target);
    this.context = { store, target: key, revision, context };
    return context;
  }

  private async read(name: string, source: ImportSource, job: ExportJob): Promise<ImportTable> {
    if (this.workerScript !== null) return readInWorker(this.workerScript, name, source, this.limits, job);
    return readImportTable(name, source, this.limits, (fraction) => job.step(0.05 + 0.85 * fraction, 'Reading the file'));
  }

  /**
   * Lets go of held files, oldest first, until the newest `files` hold at most `cells` cells
   * together with `more`: a file being read, or just read, counts against the same budget.
   */
  private release(cells: number, files: number, more: number): void {
    let held = more;
    let kept = 0;
    for (const [token, entry] of [...this.tables].reverse()) {
      held += entry.table.cells;
      kept += 1;
      if (held > cells || kept > files) this.tables.delete(token);
    }
  }

  private hold(name: string, table: ImportTable): string {
    this.release(this.limits.cells, HELD_FILES - 1, table.cells);
    const token = randomBytes(12).toString('hex');
    this.tables.set(token, { name, table });
    return token;
  }

  async inspect(store: WorkbookStore, source: { path: string } | { name: string; base64: string }, target: ImportTarget, job: ExportJob = silentJob): Promise<ImportInspectionAnswer> {
    await job.step(0.05, 'Reading the file');
    let name: string;
    let read: ImportSource;
    if ('path' in source) {
      name = basename(source.path);
      read = { path: source.path };
    } else {
      name = source.name;
      // Four base64 characters are three bytes: an upload over the size limit is refused before it is decoded.
      if (Math.floor((source.base64.length * 3) / 4) > this.limits.bytes + 2) overLimit.bytes(name, this.limits);
      read = { bytes: Buffer.from(source.base64, 'base64') };
    }
    // While a file is read only small ones stay held: memory is bounded by about one file at the limits.
    this.release(this.limits.cells / 4, HELD_FILES - 1, 0);
    const reading = this.read(name, read, job);
    if (this.workerScript !== null && isCsvByName(name)) {
      // While the worker reads, this thread reads what the rows will be checked against (a quarter
      // of a second for 10,000 lines x 36 months), off the commit's path; a write before the
      // commit has it read again. A target that cannot be read is said by the check, as before.
      // Not beside an XLSX: its reader holds far more while it reads (4,500,000 cells refused at
      // the cell limit peaked 457 MB above rest with the context read meanwhile, 335 MB without).
      try {
        this.contextFor(store, target);
      } catch {
        this.context = null;
      }
    }
    const table = await reading;
    await job.step(0.95, 'Guessing the columns');
    const token = this.hold(name, table);
    const periods = store.importPeriods(target);
    return {
      token,
      fileName: name,
      format: table.format,
      headers: table.headers.map(shown),
      sample: table.rows.slice(0, SAMPLE_ROWS).map((row) => row.map(shown)),
      rowCount: table.rows.length,
      notes: table.notes,
      suggested: suggestMapping(table.headers, periods),
      periods: [...periods],
    };
  }

  private plan(store: WorkbookStore, token: string, mapping: ImportMapping, target: ImportTarget): { name: string; plan: ImportPlan } {
    const held = this.tables.get(token);
    if (held === undefined) throw new ApiError('not-found', 'The file is no longer at hand: choose it again.', 'token');
    const { table } = held;
    if (mapping.columns.length !== table.headers.length) throw new ApiError('invalid-input', `The mapping has ${mapping.columns.length} columns; the file has ${table.headers.length}.`, 'mapping');
    // An XLSX's number cells are numbers already, written with a point: the separator is the CSV's question.
    const read = table.format === 'xlsx' ? { ...mapping, decimalSeparator: '.' as const } : mapping;
    const plan = planImport(table.rows, table.firstRowNumber, read, this.contextFor(store, target), table.rowNumbers);
    // The preview says it too: a forecast's closed months take no import.
    store.requireOpenMonths(plan, target);
    // Rows that do not line up with the header come first: every other check would misread them.
    const problems = [...table.rowProblems, ...plan.problems].sort((a, b) => a.row - b.row).slice(0, 200);
    return { name: held.name, plan: { ...plan, problems, problemCount: plan.problemCount + table.rowProblemCount } };
  }

  preview(store: WorkbookStore, token: string, mapping: ImportMapping, target: ImportTarget): ImportPreviewAnswer {
    const { plan } = this.plan(store, token, mapping, target);
    return {
      problems: plan.problems,
      problemCount: plan.problemCount,
      linesToAdd: plan.newLines.length,
      newLineNames: plan.newLines.slice(0, 20).map((line) => line.description),
      cellsToSet: plan.cells.length,
      cellsToClear: plan.cleared,
      unchanged: plan.unchanged,
      rounded: plan.rounded,
      computed: plan.computed,
      rows: plan.rows,
      closesThrough: store.actualsThroughAfter(plan, target),
    };
  }

  async commit(store: WorkbookStore, token: string, mapping: ImportMapping, target: ImportTarget, actor: string, job: ExportJob = silentJob) {
    await job.step(0.05, 'Checking every row');
    const { name, plan } = this.plan(store, token, mapping, target);
    // The last moment a cancel is taken: the write that follows is one transaction, all or nothing.
    await job.step(0.6, 'Writing');
    if (plan.problemCount > 0) {
      const first = plan.problems.slice(0, 3).map((problem) => `row ${problem.row}: ${problem.message}`).join('; ');
      throw new ApiError('invalid-input', `Nothing was imported: ${plan.problemCount} row problem${plan.problemCount === 1 ? '' : 's'} in ${name} (${first}${plan.problemCount > 3 ? '; …' : ''}).`, name);
    }
    const into = target.kind === 'version' ? store.versionRow(target.versionId).name : null;
    const receipt = store.importCells(plan, target, `import ${name} into ${importTargetLabel(target, into)}`, actor);
    // Imported: the file's rows are let go (a second commit of the same file asks for it again), and the context read before the write.
    this.tables.delete(token);
    this.context = null;
    return receipt;
  }
}
