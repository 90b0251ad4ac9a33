import type Database from 'better-sqlite3';
import { periodsOf } from '../../shared/calendar/fiscal-calendar';
import type { Account, Department, PriorYear, SeasonalityProfile, SheetComment, SheetModel } from '../../shared/domain/workbook';
import type { AmountText } from '../../shared/money/amount';
import { expandSheet, type CompactSheet } from '../../shared/sheet/compact-sheet';
import { seedOfCompactSheet } from '../../shared/sheet/make-sheet-seed';
import { changeMarkOf, SheetAnswerCache } from './sheet-answer-cache';
import { readLineColumns } from './sheet-reader';
import type { WorkbookStore } from './workbook-store';

/** What reading a sheet needs of its workbook: the connection and the workbook's own reads. */
export interface SheetModelContext {
  readonly db: Database.Database;
  readonly workbook: Pick<WorkbookStore, 'info' | 'calendar' | 'version' | 'versions' | 'actualsThrough' | 'actualsFor' | 'history'>;
}

/**
 * Reads the whole sheet of one version (lines, departments, accounts, comments, profiles, last
 * year's months), and keeps the last answer sent until the file changes. Reads only.
 */
export class SheetModelReader {
  private readonly sheetAnswers = new SheetAnswerCache<CompactSheet>();

  constructor(private readonly context: SheetModelContext) {}

  private get db(): Database.Database {
    return this.context.db;
  }

  private get workbook(): SheetModelContext['workbook'] {
    return this.context.workbook;
  }

  /** Drops the kept answer (the workbook closes). */
  forget(): void {
    this.sheetAnswers.forget();
  }

  /** Everything the sheet needs to draw one version. Actuals are recorded amounts: their lines carry no formula. */
  sheet(versionId: number): SheetModel {
    return expandSheet(this.compactSheet(versionId));
  }

  /**
   * What `sheet/read-sheet` sends: the compact sheet with what the page would compute from it
   * first (its seed, see SheetSeed), kept frozen until the file changes (see SheetAnswerCache).
   */
  sheetAnswer(versionId: number): CompactSheet {
    return this.sheetAnswers.answer(versionId, changeMarkOf(this.db), () => {
      const compact = this.compactSheet(versionId);
      return { ...compact, seed: seedOfCompactSheet(compact) };
    });
  }

  /** The sheet of one version with its lines as columns (see CompactSheet). */
  compactSheet(versionId: number): CompactSheet {
    const calendar = this.workbook.calendar();
    const version = this.workbook.version(versionId);
    const departments = this.db.prepare<[], Department>('SELECT id, name, parent_id AS parentId FROM departments ORDER BY sort_order, id').all();
    const accounts = this.db.prepare<[], Account>('SELECT id, code, name, type, unit, parent_id AS parentId FROM accounts ORDER BY sort_order, id').all();
    const actuals = this.workbook.actualsFor(version);
    const lines = readLineColumns(this.db, { versionId: version.id, periodCount: calendar.periodCount, actuals, recorded: version.kind === 'actuals' });
    const comments = this.db
      .prepare<[number], SheetComment>('SELECT id, line_id AS lineId, period, text, author, created_at AS createdAt FROM comments WHERE version_id = ? ORDER BY id')
      .all(version.id);
    const profiles = this.db
      .prepare<[], { id: number; name: string; weights: string }>('SELECT id, name, weights FROM seasonality_profiles ORDER BY name')
      .all()
      .map((profile): SeasonalityProfile => ({ id: profile.id, name: profile.name, weights: JSON.parse(profile.weights) as string[] }));
    return {
      workbook: this.workbook.info(),
      calendar,
      periods: periodsOf(calendar),
      version,
      departments,
      accounts,
      lines,
      history: this.workbook.history(),
      comments,
      profiles,
      priorYear: this.priorYear(),
      versions: this.workbook.versions(),
      actualsThrough: this.workbook.actualsThrough(),
      actualMonths: actuals?.months ?? 0,
      actualsSource: actuals?.name ?? null,
    };
  }

  /**
   * Last year's actuals: the version twelve months before the plan year. A workbook has at most
   * one (it is created by the first import into last year), so this is that one, not a choice.
   */
  priorYearVersion(): { id: number; name: string } | undefined {
    return this.db.prepare<[], { id: number; name: string }>('SELECT id, name FROM versions WHERE period_offset = -12 ORDER BY id').get();
  }

  /** Last year's months per line, from the version that sits twelve months before the budget (last year's actuals). */
  private priorYear(): PriorYear | null {
    const version = this.priorYearVersion();
    if (version === undefined) return null;
    const values: PriorYear['values'] = {};
    const cells = this.db
      .prepare<[number], { line_id: number; period: number; amount: string }>('SELECT line_id, period, amount FROM cell_values WHERE version_id = ? AND period < 12')
      .iterate(version.id);
    for (const cell of cells) {
      const months = (values[cell.line_id] ??= new Array<AmountText | null>(12).fill(null));
      months[cell.period] = cell.amount;
    }
    return { versionId: version.id, versionName: version.name, values };
  }
}
