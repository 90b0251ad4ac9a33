import type { Account, AccountType, Department, PriorYear } from '../domain/workbook';
import type { Proposal } from '../domain/proposal';
import { amountOf, type AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';
import { ExactSum } from '../money/exact-sum';
import type { LineRow, SheetView } from '../sheet/sheet-view';
import type { FundedFigure } from './kpi-language';

/**
 * One measure month by month in one version: a value per month of the plan year and, where last
 * year's actuals are known, per month of last year; or why a month has no value.
 */
export interface MonthSeries {
  values: readonly Decimal[];
  /** last year's twelve months, its first month first; null when the workbook has no actuals for last year */
  lastYear: readonly Decimal[] | null;
  /** months whose value cannot be trusted (a line in error), with the reason */
  errors: ReadonlyMap<number, string>;
}

/**
 * Which lines a measure adds up: by account, department and type (answered from the version's
 * sums per account and department), or by line (a named line, a proposal's lines).
 */
export type LineFilter =
  | { key: string; kind: 'dimensions'; accounts: ReadonlySet<number> | null; departments: ReadonlySet<number> | null; types: readonly AccountType[]; signed: boolean }
  | { key: string; kind: 'lines'; includes(row: LineRow): boolean };

export type SeriesTotal = AccountType | 'operating_income';

/** The months KPIs measure: the plan year, the workbook's first twelve. */
export const KPI_MONTHS = 12;

const SIGN: Partial<Record<AccountType, 1 | -1>> = { revenue: 1, cogs: -1, opex: -1 };

/** The ids in a tree (departments or accounts) at and under the given ones. */
export function subtreeIds(nodes: readonly { id: number; parentId: number | null }[], roots: Iterable<number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const node of nodes) if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  const found = new Set<number>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

/** A version's exact sums per account and department, month by month: what dimension measures are added up from. */
interface Cell {
  accountId: number;
  departmentId: number;
  type: AccountType;
  months: ExactSum[];
  lastYear: ExactSum[] | null;
}
type Cube = Map<string, Cell>;

const cellKey = (row: LineRow) => `${row.line.accountId}:${row.line.departmentId}`;
const sums = (count: number) => Array.from({ length: count }, () => new ExactSum());

/** Adds (or takes out) one line's months into running sums, month by month. */
function addMonths(sums: readonly ExactSum[], values: readonly (AmountText | null)[], sign: 1 | -1): void {
  sums.forEach((sum, month) => {
    const value = values[month];
    if (value === null || value === undefined) return;
    if (sign === 1) sum.add(value);
    else sum.subtract(value);
  });
}

function addLine(cell: Cell, values: readonly (AmountText | null)[], lastYear: readonly (AmountText | null)[] | undefined, sign: 1 | -1): void {
  addMonths(cell.months, values, sign);
  if (cell.lastYear !== null && lastYear !== undefined) addMonths(cell.lastYear, lastYear, sign);
}

/** Adds each month of `from` into the same month of `into`. */
function addAll(into: readonly ExactSum[], from: readonly ExactSum[], sign: 1 | -1): void {
  into.forEach((sum, month) => {
    const other = from[month];
    if (other !== undefined) sum.addSum(other, sign);
  });
}

/**
 * The measures of one version that KPIs are made of, read from the one model of the sheet (the
 * same values, formula results and errors the grid shows). The version's sums per account and
 * department are added up once; a new view after an edit moves only the sums of the edited
 * lines, and keeps every measure those lines are not part of.
 */
export class VersionMeasures {
  private readonly cache = new Map<string, { filter: LineFilter; series: MonthSeries }>();
  private readonly linesByName = new Map<string, LineRow[]>();
  private cube: Cube | null = null;
  private readonly months: number;

  constructor(
    readonly view: SheetView,
    private readonly priorYear: PriorYear | null,
    private readonly fundedIds: ReadonlySet<number>,
  ) {
    this.months = Math.min(KPI_MONTHS, view.model.periods.length);
    for (const row of view.rows) {
      const key = row.line.description.toLowerCase();
      const named = this.linesByName.get(key);
      if (named === undefined) this.linesByName.set(key, [row]);
      else named.push(row);
    }
  }

  /** The same measures over a view in which only `changedLineIds` changed. */
  withView(view: SheetView, changedLineIds: readonly number[]): VersionMeasures {
    const next = new VersionMeasures(view, this.priorYear, this.fundedIds);
    const changed = changedLineIds.flatMap((id) => {
      const before = this.view.rows[this.view.rowIndex.get(id) ?? -1];
      const after = view.rows[view.rowIndex.get(id) ?? -1];
      return before === undefined || after === undefined ? [] : [{ before, after }];
    });
    if (this.cube !== null) {
      // Only the edited lines' sums move: each is copied, then the line's old values come out and its new ones go in.
      const cube = new Map(this.cube);
      let kept = true;
      for (const { before, after } of changed) {
        const key = cellKey(after);
        const cell = cube.get(key);
        // A line that moved to another account or department: add the sums up again when next asked.
        if (cell === undefined || cellKey(before) !== key) {
          kept = false;
          break;
        }
        const copy = { ...cell, months: cell.months.map((sum) => copyOf(sum)) };
        addLine(copy, before.line.values, undefined, -1);
        addLine(copy, after.line.values, undefined, 1);
        cube.set(key, copy);
      }
      if (kept) next.cube = cube;
    }
    const rows = changed.map((pair) => pair.after);
    for (const [key, entry] of this.cache) {
      if (!rows.some((row) => includes(entry.filter, row))) next.cache.set(key, entry);
    }
    return next;
  }

  get departments(): readonly Department[] {
    return this.view.model.departments;
  }

  get accounts(): readonly Account[] {
    return this.view.model.accounts;
  }

  linesNamed(name: string): LineRow[] {
    return this.linesByName.get(name.toLowerCase()) ?? [];
  }

  /** The sum of the lines a filter takes, month by month. */
  series(filter: LineFilter): MonthSeries {
    const known = this.cache.get(filter.key);
    if (known !== undefined) return known.series;
    const series = filter.kind === 'dimensions' ? this.fromCube(filter) : this.fromLines(filter);
    this.cache.set(filter.key, { filter, series });
    return series;
  }

  private fromCube(filter: Extract<LineFilter, { kind: 'dimensions' }>): MonthSeries {
    const months = sums(this.months);
    const lastYear = this.priorYear === null ? null : sums(12);
    for (const cell of this.cubeOf().values()) {
      if (!filter.types.includes(cell.type)) continue;
      if (filter.accounts !== null && !filter.accounts.has(cell.accountId)) continue;
      if (filter.departments !== null && !filter.departments.has(cell.departmentId)) continue;
      const sign = filter.signed ? (SIGN[cell.type] ?? 0) : 1;
      if (sign === 0) continue;
      addAll(months, cell.months, sign);
      if (lastYear !== null && cell.lastYear !== null) addAll(lastYear, cell.lastYear, sign);
    }
    return { values: months.map((sum) => sum.value()), lastYear: lastYear?.map((sum) => sum.value()) ?? null, errors: this.errorsOf(filter) };
  }

  private fromLines(filter: Extract<LineFilter, { kind: 'lines' }>): MonthSeries {
    const months = sums(this.months);
    const lastYear = this.priorYear === null ? null : sums(12);
    for (const row of this.view.rows) {
      if (!filter.includes(row)) continue;
      const cell: Cell = { accountId: 0, departmentId: 0, type: row.account.type, months, lastYear };
      addLine(cell, row.line.values, this.priorYear?.values[row.line.id], 1);
    }
    return { values: months.map((sum) => sum.value()), lastYear: lastYear?.map((sum) => sum.value()) ?? null, errors: this.errorsOf(filter) };
  }

  private cubeOf(): Cube {
    if (this.cube !== null) return this.cube;
    const cube: Cube = new Map();
    for (const row of this.view.rows) {
      const key = cellKey(row);
      let cell = cube.get(key);
      if (cell === undefined) {
        cell = { accountId: row.line.accountId, departmentId: row.line.departmentId, type: row.account.type, months: sums(this.months), lastYear: this.priorYear === null ? null : sums(12) };
        cube.set(key, cell);
      }
      addLine(cell, row.line.values, this.priorYear?.values[row.line.id], 1);
    }
    this.cube = cube;
    return cube;
  }

  /** The months in error of the lines a filter takes (a line whose formula fails), with the line named. */
  private errorsOf(filter: LineFilter): Map<number, string> {
    const errors = new Map<number, string>();
    for (const [lineId, reasons] of this.view.lineErrors) {
      const row = this.view.rows[this.view.rowIndex.get(lineId) ?? -1];
      if (row === undefined || !includes(filter, row)) continue;
      reasons.forEach((reason, period) => {
        if (reason !== null && !errors.has(period)) errors.set(period, `${row.line.description}: ${reason}`);
      });
    }
    return errors;
  }

  /** An account type's total, or operating income, optionally for some departments only. */
  total(total: SeriesTotal, departments: ReadonlySet<number> | null, departmentKey: string): MonthSeries {
    const types: readonly AccountType[] = total === 'operating_income' ? ['revenue', 'cogs', 'opex'] : [total];
    if (departments === null && total !== 'driver') return this.sheetTotal(total, types);
    return this.series({ key: `total:${total}|${departmentKey}`, kind: 'dimensions', accounts: null, departments, types, signed: total === 'operating_income' });
  }

  /** An account and the accounts under it. */
  account(accounts: ReadonlySet<number>, accountKey: string, departments: ReadonlySet<number> | null, departmentKey: string): MonthSeries {
    return this.series({ key: `account:${accountKey}|${departmentKey}`, kind: 'dimensions', accounts, departments, types: ['revenue', 'cogs', 'opex', 'capex', 'driver'], signed: false });
  }

  /**
   * A whole-sheet total as the sheet's own totals hold it (kept up to date on every edit, so
   * nothing is added up again here); last year's months are added up once per workbook.
   */
  private sheetTotal(total: Exclude<SeriesTotal, 'driver'>, types: readonly AccountType[]): MonthSeries {
    const row = total === 'operating_income' ? this.view.totals.operatingIncome : this.view.totals.byType[total];
    const key = `sheet-total:${total}`;
    const known = this.cache.get(key);
    if (known !== undefined && known.series.values === row.periods) return known.series;
    const filter: LineFilter = { key, kind: 'dimensions', accounts: null, departments: null, types, signed: total === 'operating_income' };
    const series = { values: row.periods, lastYear: this.lastYearTotal(total, types), errors: this.errorsOf(filter) };
    this.cache.set(key, { filter, series });
    return series;
  }

  private lastYearTotal(total: string, types: readonly AccountType[]): readonly Decimal[] | null {
    const priorYear = this.priorYear;
    if (priorYear === null) return null;
    let byTotal = LAST_YEAR_TOTALS.get(priorYear);
    if (byTotal === undefined) LAST_YEAR_TOTALS.set(priorYear, (byTotal = new Map()));
    const known = byTotal.get(total);
    if (known !== undefined) return known;
    const months = sums(12);
    for (const [lineId, values] of Object.entries(priorYear.values)) {
      const line = this.view.rows[this.view.rowIndex.get(Number(lineId)) ?? -1];
      const type = line?.account.type;
      if (type === undefined || !types.includes(type)) continue;
      const sign = total === 'operating_income' ? (SIGN[type] ?? 0) : 1;
      if (sign === 0) continue;
      addMonths(months, values, sign);
    }
    const result = months.map((sum) => sum.value());
    byTotal.set(total, result);
    return result;
  }

  /** The funded proposals' capital or operating cost: the lines their funding wrote, in this version. */
  fundedCost(figure: Exclude<FundedFigure, 'benefit'>, departments: ReadonlySet<number> | null, departmentKey: string): MonthSeries {
    const type: AccountType = figure === 'capital' ? 'capex' : 'opex';
    return this.series({
      key: `funded:${figure}|${departmentKey}`,
      kind: 'lines',
      includes: (row) => row.account.type === type && row.line.proposalId != null && this.fundedIds.has(row.line.proposalId) && (departments === null || departments.has(row.line.departmentId)),
    });
  }

  /** The funded proposals whose realised benefits this version records on revenue lines linked to them. */
  proposalsWithBenefitLines(): Set<number> {
    const found = new Set<number>();
    for (const row of this.view.rows) if (row.account.type === 'revenue' && row.line.proposalId != null && this.fundedIds.has(row.line.proposalId)) found.add(row.line.proposalId);
    return found;
  }

  /** Realised benefits: the revenue lines linked to the given proposals. */
  realisedBenefits(proposalIds: ReadonlySet<number>): MonthSeries {
    return this.series({ key: `benefit:${[...proposalIds].sort((a, b) => a - b).join(',')}`, kind: 'lines', includes: (row) => row.account.type === 'revenue' && row.line.proposalId != null && proposalIds.has(row.line.proposalId) });
  }
}

/** Last year's totals by type, per set of last year's actuals (the same for every version of a workbook). */
const LAST_YEAR_TOTALS = new WeakMap<PriorYear, Map<string, readonly Decimal[]>>();

function copyOf(sum: ExactSum): ExactSum {
  const copy = new ExactSum();
  copy.addSum(sum);
  return copy;
}

function includes(filter: LineFilter, row: LineRow): boolean {
  if (filter.kind === 'lines') return filter.includes(row);
  return filter.types.includes(row.account.type) && (filter.accounts === null || filter.accounts.has(row.line.accountId)) && (filter.departments === null || filter.departments.has(row.line.departmentId));
}

/** Planned benefits of proposals, a twelfth of each year's benefit a month (exact: no rounding). */
export function plannedBenefits(proposals: readonly Pick<Proposal, 'id' | 'flows'>[], periodCount: number): MonthSeries {
  const values = Array.from({ length: Math.min(periodCount, KPI_MONTHS) }, (_unused, month) =>
    proposals.reduce((total, proposal) => total.plus(amountOf(proposal.flows.benefit[Math.floor(month / 12)] ?? null).div(12)), new Decimal(0)),
  );
  return { values, lastYear: Array.from({ length: 12 }, () => new Decimal(0)), errors: new Map() };
}
