import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ImportInspectionAnswer, ImportPreviewAnswer } from '../../shared/api/import-api';
import { importTargetLabel, type ImportTarget } from '../../shared/import/import-target';
import { planImport, suggestMapping, type ImportMapping, type ImportPlan } from '../../shared/import/plan-import';
import type { WorkbookStore } from '../store/workbook-store';
import { readImportTable, type ImportTable } from './read-table';
import { silentJob, type ExportJob } from '../export/export-job';



/** Files up to this size are read; a budget of 10,000 lines x 36 months as long CSV is about 30 MB. */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Imports in three steps: inspect (read the file once, keep it under a token), preview (check
 * every row against a mapping), commit (check again, then write all or nothing).
 */
export class ImportService {
  private readonly tables = new Map<string, { name: string; table: ImportTable }>();

  async inspect(store: WorkbookStore, source: { path: string } | { name: string; base64: string }, target: ImportTarget, job: ExportJob = silentJob): Promise<ImportInspectionAnswer> {
    await job.step(0.05, 'Reading the file');
    let name: string;
    let bytes: Buffer;
    if ('path' in source) {
      name = basename(source.path);
      let size: number;
      try {
        size = statSync(source.path).size;
      } catch {
        throw new ApiError('not-found', `There is no file at ${source.path}.`, source.path);
      }
      if (size > MAX_FILE_BYTES) throw new ApiError('invalid-input', `${name} is ${(size / 1024 / 1024).toFixed(0)} MB; Tandem imports files up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`, source.path);
      bytes = readFileSync(source.path);
    } else {
      name = source.name;
      bytes = Buffer.from(source.base64, 'base64');
    }
    const table = await readImportTable(name, bytes);
    await job.step(0.95, 'Guessing the columns');
    const token = randomBytes(12).toString('hex');
    // Keep the last few files only: each may be large.
    if (this.tables.size >= 3) this.tables.delete(this.tables.keys().next().value as string);
    this.tables.set(token, { name, table });
    const periods = store.importPeriods(target);
    return { token, fileName: name, format: table.format, headers: table.headers, sample: table.rows.slice(0, 12), rowCount: table.rows.length, notes: table.notes, suggested: suggestMapping(table.headers, periods), periods: [...periods] };
  }

  private plan(store: WorkbookStore, token: string, mapping: ImportMapping, target: ImportTarget): { name: string; plan: ImportPlan } {
    const held = this.tables.get(token);
    if (held === undefined) throw new ApiError('not-found', 'The file is no longer at hand: choose it again.', 'token');
    const { table } = held;
    if (mapping.columns.length !== table.headers.length) throw new ApiError('invalid-input', `The mapping has ${mapping.columns.length} columns; the file has ${table.headers.length}.`, 'mapping');
    // An XLSX's number cells are numbers already, written with a point: the separator is the CSV's question.
    const read = table.format === 'xlsx' ? { ...mapping, decimalSeparator: '.' as const } : mapping;
    const plan = planImport(table.rows, table.firstRowNumber, read, store.importContext(target), table.rowNumbers);
    // The preview says it too: a forecast's closed months take no import.
    store.requireOpenMonths(plan, target);
    // Rows that do not line up with the header come first: every other check would misread them.
    const problems = [...table.rowProblems, ...plan.problems].sort((a, b) => a.row - b.row).slice(0, 200);
    return { name: held.name, plan: { ...plan, problems, problemCount: plan.problemCount + table.rowProblems.length } };
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
    return store.importCells(plan, target, `import ${name} into ${importTargetLabel(target, into)}`, actor);
  }
}
