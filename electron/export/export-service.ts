import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { budgetCsvChunks, type CsvLayout } from '../../shared/export/budget-csv';
import type { CsvOptions } from '../../shared/export/csv';
import { ApiError } from '../../shared/api/errors';
import { budgetTable, type BudgetTable } from '../../shared/export/budget-table';
import type { PeriodSpan } from '../../shared/calendar/fiscal-calendar';
import type { Metric } from '../../shared/finance/metrics';
import type { Department } from '../../shared/domain/workbook';
import { proposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { rankPortfolio } from '../../shared/portfolio/ranking';
import { weightedScores } from '../../shared/portfolio/scoring';
import { ProposalStore } from '../store/proposal-store';
import { kpiSheetContent } from './kpi-export-content';
import type { WorkbookStore } from '../store/workbook-store';
import { stampOf } from './approval-stamp';
import { exportJob, type ExportJob } from './export-job';
import { removeLeftoverTemporaryFiles, writeFileSafely } from './safe-write';
import { sealZip } from './zip-stamp';
import { writeXlsx, type ProposalRow } from './xlsx-export';

export interface XlsxOptions {
  /** the version exported */
  versionId: number;
  split: 'version' | 'department';
  includeProposals: boolean;
  includeAudit: boolean;
  /** a sheet of the KPIs with targets and status */
  includeKpis: boolean;
  /** another version to compare with on a sheet of live variance formulas, or null */
  compareWith: number | null;
}

export interface CsvExportOptions extends CsvOptions {
  /** the version exported */
  versionId: number;
  layout: CsvLayout;
  /** a byte-order mark, so Excel reads the file as UTF-8 (some ERP imports want none) */
  byteOrderMark: boolean;
}

/** Beside a CSV of an approved version (a CSV has no room for it inside): the approval and the hashes. */
export interface CsvStampFile {
  kind: 'tandem-csv-approval';
  workbook: string;
  version: string;
  approvedBy: string;
  approvedAt: string;
  contentSha256: string;
  fileSha256: string;
  layout: CsvLayout;
  delimiter: string;
  decimalSeparator: string;
  periodKeys: string[];
  periodLabels: string[];
}

export interface ExportReceipt {
  path: string;
  bytes: number;
  /** the approval stamp's hash when the version was approved */
  sha256: string | null;
}

/** Excel keeps 15 significant digits in a number: more would change an amount on the way, so the export says so instead. */
function refuseBeyondExcelPrecision(table: BudgetTable): void {
  for (const line of table.lines) {
    line.values.forEach((value, period) => {
      if (value === null || value.length <= 16) return;
      const digits = value.replace(/[-.]/g, '').replace(/^0+/, '').length;
      if (digits > 15) {
        throw new ApiError('invalid-input', `“${line.description}”, ${table.periods[period]?.label ?? ''} holds ${value}: Excel keeps only 15 significant digits, so the XLSX would not show it exactly. Export CSV instead, or round it.`, line.description);
      }
    });
  }
}

/** The version to compare with, as an export table, and the closed months; refused for the version itself. */
function compareContent(store: WorkbookStore, versionId: number, compareWith: number): { table: BudgetTable; yearToDate: PeriodSpan | null } {
  if (compareWith === versionId) throw new ApiError('invalid-input', 'Compare with another version: a version against itself has no variance.', 'compareWith');
  const table = budgetTable(store.sheet(compareWith));
  refuseBeyondExcelPrecision(table);
  const through = store.actualsThrough();
  return { table, yearToDate: through === null ? null : { id: 'ytd', label: `YTD ${table.periods[through]?.label ?? ''}`, periods: table.periods.filter((period) => period.index <= through).map((period) => period.index) } };
}

/** A version as an export table, and the workbook's departments; the sheet model read for them is let go (it is as large as the table). */
function exportTableOf(store: WorkbookStore, versionId: number): { table: BudgetTable; departments: Department[] } {
  const model = store.sheet(versionId);
  return { table: budgetTable(model), departments: model.departments };
}

/** The portfolio ranked by weighted score, with the metrics an export lists; `departments` are the workbook's (every version has the same). */
function proposalRows(store: WorkbookStore, departments: readonly Department[]): ProposalRow[] {
  const portfolio = new ProposalStore(store).portfolio();
  const metrics = new Map(portfolio.proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, portfolio.settings)]));
  const scoring = weightedScores(portfolio.proposals, portfolio.criteria);
  const departmentNames = new Map(departments.map((department) => [department.id, department.name]));
  const value = (metric: Metric) => (metric.ok ? metric.value : null);
  return rankPortfolio(portfolio.proposals, metrics, scoring.ok ? scoring : null, scoring.ok ? 'score' : 'npv', portfolio.settings).map((entry) => ({
    title: entry.proposal.title,
    department: departmentNames.get(entry.proposal.departmentId ?? 0) ?? '',
    status: entry.proposal.status,
    capital: entry.metrics.capitalTotal,
    npv: entry.metrics.npv,
    irr: value(entry.metrics.irr),
    mirr: value(entry.metrics.mirr),
    payback: value(entry.metrics.payback),
    profitabilityIndex: value(entry.metrics.profitabilityIndex),
    score: entry.score,
  }));
}

/**
 * Exports of the open workbook, one at a time: each written safely (temporary file, then a
 * rename), with progress reported and a cancel honoured between chunks.
 */
export class ExportService {
  private running: { cancelled: boolean } | null = null;

  constructor(private readonly report: (progress: { fraction: number; label: string }) => void) {}

  /**
   * At start-up, before any export runs: removes the temporary files of exports that were killed
   * midway from the exports folder (Tandem's own naming only). Electron runs one Tandem at a
   * time, so none of them is still being written.
   */
  removeLeftovers(exportsFolder: string): string[] {
    return this.running === null ? removeLeftoverTemporaryFiles(exportsFolder) : [];
  }

  cancel(): boolean {
    if (this.running === null) return false;
    this.running.cancelled = true;
    return true;
  }

  /** Runs one long piece of work (an export, an import) with progress and a cancel; one at a time. */
  async run<T>(work: (job: ExportJob) => Promise<T>): Promise<T> {
    if (this.running !== null) throw new ApiError('invalid-input', 'An export or import is already running: wait for it, or cancel it.');
    const state = { cancelled: false };
    this.running = state;
    try {
      return await work(exportJob(this.report, () => state.cancelled));
    } finally {
      this.running = null;
    }
  }

  csv(store: WorkbookStore, destination: string, options: CsvExportOptions): Promise<ExportReceipt> {
    return this.run(async (job) => {
      const table = budgetTable(store.sheet(options.versionId));
      const stamp = stampOf(table);
      let fileSha256 = '';
      await writeFileSafely(destination, async (temporary) => {
        const hash = createHash('sha256');
        const fd = openSync(temporary, 'w');
        try {
          const write = (text: string) => {
            const bytes = Buffer.from(text, 'utf8');
            hash.update(bytes);
            writeSync(fd, bytes);
          };
          if (options.byteOrderMark) write('\uFEFF');
          let lines = 0;
          let pending = '';
          for (const chunk of budgetCsvChunks(table, options.layout, options)) {
            pending += chunk;
            lines += 1;
            if (pending.length > 1 << 20) {
              write(pending);
              pending = '';
              await job.step(lines / (table.lines.length + 1), 'Writing the CSV');
            }
          }
          write(pending);
        } finally {
          closeSync(fd);
        }
        fileSha256 = hash.digest('hex');
      });
      const stampPath = `${destination}.approval.json`;
      if (stamp !== null) {
        const content: CsvStampFile = {
          kind: 'tandem-csv-approval',
          workbook: stamp.workbook,
          version: stamp.version,
          approvedBy: stamp.approvedBy,
          approvedAt: stamp.approvedAt,
          contentSha256: stamp.sha256,
          fileSha256,
          layout: options.layout,
          delimiter: options.delimiter,
          decimalSeparator: options.decimalSeparator,
          periodKeys: table.periods.map((period) => period.key),
          periodLabels: table.periods.map((period) => period.label),
        };
        await writeFileSafely(stampPath, async (temporary) => writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`));
      } else {
        // A stamp left from an earlier export of the same name would now describe another file.
        rmSync(stampPath, { force: true });
      }
      return { path: destination, bytes: statSync(destination).size, sha256: stamp?.sha256 ?? null };
    });
  }

  xlsx(store: WorkbookStore, destination: string, options: XlsxOptions, actor: string): Promise<ExportReceipt> {
    return this.run(async (job) => {
      // Read everything first, in one go, so the file shows one consistent state of the workbook.
      const { table, departments } = exportTableOf(store, options.versionId);
      refuseBeyondExcelPrecision(table);
      const stamp = stampOf(table);
      const proposals = options.includeProposals ? proposalRows(store, departments) : null;
      const audit = options.includeAudit ? store.audit({ limit: 1_000_000 }).entries : null;
      const compare = options.compareWith === null ? null : compareContent(store, options.versionId, options.compareWith);
      await job.step(0, 'Writing the cover');
      await writeFileSafely(destination, async (temporary) => {
        const kpis = options.includeKpis ? kpiSheetContent(store) : null;
        await writeXlsx(temporary, { table, split: options.split, exportedBy: actor, exportedAt: new Date().toISOString(), stamp, proposals, audit, compare, kpis }, job);
        // The seal covers every byte of the file as written, beside the content hash on the cover.
        if (stamp !== null) sealZip(temporary, { workbook: stamp.workbook, version: stamp.version, approvedBy: stamp.approvedBy, approvedAt: stamp.approvedAt, contentSha256: stamp.sha256 });
      });
      return { path: destination, bytes: statSync(destination).size, sha256: stamp?.sha256 ?? null };
    });
  }
}
