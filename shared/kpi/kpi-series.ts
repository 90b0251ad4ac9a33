import type { Account, AccountType, Department, PriorYear } from '../domain/workbook';
import type { Proposal } from '../domain/proposal';
import { amountOf } from '../money/amount';
import { Decimal } from '../money/decimal';
import type { LineRow, SheetView } from '../sheet/sheet-view';
import type { FundedFigure } from './kpi-language';

/**
 * One measure month by month in one version: a value per month of the workbook and, where last
 * year's actuals are known, per month of last year; or why a month has no value.
 */
export interface MonthSeries {
  values: readonly Decimal[];
  /** last year's twelve months, its first month first; null when the workbook has no actuals for last year */
  lastYear: readonly Decimal[] | null;
  /** months whose value cannot be trusted (a line in error), with the reason */
  errors: ReadonlyMap<number, string>;
}

/** What decides which lines a measure adds up; the key names it in the cache. */
export interface LineFilter {
  key: string;
  includes(row: LineRow): boolean;
}

export type SeriesTotal = AccountType | 'operating_income';

const SIGN: Partial<Record<AccountType, 1 | -1>> = { revenue: 1, cogs: -1, opex: -1 };

/** Last year's totals by type, per set of last year's actuals (the same for every version of a workbook). */
const LAST_YEAR_TOTALS = new WeakMap<PriorYear, Map<string, readonly Decimal[]>>();

/** The ids in a tree (departments or accounts) at and under the given ones. */
export function subtreeIds(nodes: readonly { id: number; parentId: number | null }[], roots: Iterable<number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const node of nodes) if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node.id]);
  const found = new Set<number>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return found;
}

/**
 * The measures of one version that KPIs are made of, read from the one model of the sheet (the
 * same values, formula results and errors the grid shows) and kept once computed. A new view
 * after an edit keeps every measure the edited lines are not part of.
 */
export class VersionMeasures {
  private readonly cache = new Map<string, { filter: LineFilter; series: MonthSeries }>();
  private readonly linesByName = new Map<string, LineRow[]>();

  constructor(
    readonly view: SheetView,
    private readonly priorYear: PriorYear | null,
    private readonly fundedIds: ReadonlySet<number>,
  ) {
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
    const changed = changedLineIds.map((id) => view.rows[view.rowIndex.get(id) ?? -1]).filter((row): row is LineRow => row !== undefined);
    for (const [key, entry] of this.cache) {
      if (!changed.some((row) => entry.filter.includes(row))) next.cache.set(key, entry);
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

  /** The sum of the lines a filter takes, month by month (totals count with their sign in operating income). */
  series(filter: LineFilter, sign: (row: LineRow) => number = () => 1): MonthSeries {
    const known = this.cache.get(filter.key);
    if (known !== undefined) return known.series;
    const periodCount = this.view.model.periods.length;
    const values = Array.from({ length: periodCount }, () => new Decimal(0));
    const lastYear = this.priorYear === null ? null : Array.from({ length: 12 }, () => new Decimal(0));
    const errors = new Map<number, string>();
    for (const row of this.view.rows) {
      if (!filter.includes(row)) continue;
      const factor = sign(row);
      if (factor === 0) continue;
      row.line.values.forEach((value, period) => {
        if (value !== null && period < periodCount) values[period] = values[period]!.plus(factor === 1 ? amountOf(value) : amountOf(value).neg());
      });
      const lineErrors = this.view.lineErrors.get(row.line.id);
      lineErrors?.forEach((reason, period) => {
        if (reason !== null && !errors.has(period)) errors.set(period, `${row.line.description}: ${reason}`);
      });
      const prior = this.priorYear?.values[row.line.id];
      if (lastYear !== null && prior !== undefined) {
        prior.forEach((value, month) => {
          if (value !== null && month < 12) lastYear[month] = lastYear[month]!.plus(factor === 1 ? amountOf(value) : amountOf(value).neg());
        });
      }
    }
    const series = { values, lastYear, errors };
    this.cache.set(filter.key, { filter, series });
    return series;
  }

  /** An account type's total, or operating income, optionally for some departments only. */
  total(total: SeriesTotal, departments: ReadonlySet<number> | null, departmentKey: string): MonthSeries {
    const types: readonly AccountType[] = total === 'operating_income' ? ['revenue', 'cogs', 'opex'] : [total];
    if (departments === null && total !== 'driver') return this.sheetTotal(total, types);
    return this.series(
      { key: `total:${total}|${departmentKey}`, includes: (row) => types.includes(row.account.type) && (departments === null || departments.has(row.line.departmentId)) },
      total === 'operating_income' ? (row) => SIGN[row.account.type] ?? 0 : undefined,
    );
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
    const errors = new Map<number, string>();
    for (const [lineId, reasons] of this.view.lineErrors) {
      const line = this.view.rows[this.view.rowIndex.get(lineId) ?? -1];
      if (line === undefined || !types.includes(line.account.type)) continue;
      reasons.forEach((reason, period) => {
        if (reason !== null && !errors.has(period)) errors.set(period, `${line.line.description}: ${reason}`);
      });
    }
    const series = { values: row.periods, lastYear: this.lastYearTotal(total, types), errors };
    // Never dropped by an edit: it is read again whenever the sheet's totals are new.
    this.cache.set(key, { filter: { key, includes: () => false }, series });
    return series;
  }

  private lastYearTotal(total: string, types: readonly AccountType[]): readonly Decimal[] | null {
    const priorYear = this.priorYear;
    if (priorYear === null) return null;
    let byTotal = LAST_YEAR_TOTALS.get(priorYear);
    if (byTotal === undefined) LAST_YEAR_TOTALS.set(priorYear, (byTotal = new Map()));
    const known = byTotal.get(total);
    if (known !== undefined) return known;
    const months = Array.from({ length: 12 }, () => new Decimal(0));
    for (const [lineId, values] of Object.entries(priorYear.values)) {
      const line = this.view.rows[this.view.rowIndex.get(Number(lineId)) ?? -1];
      const type = line?.account.type;
      if (type === undefined || !types.includes(type)) continue;
      const sign = total === 'operating_income' ? (SIGN[type] ?? 0) : 1;
      values.forEach((value, month) => {
        if (value !== null && month < 12 && sign !== 0) months[month] = months[month]!.plus(sign === 1 ? amountOf(value) : amountOf(value).neg());
      });
    }
    byTotal.set(total, months);
    return months;
  }

  /** The funded proposals' capital or operating cost: the lines their funding wrote, in this version. */
  fundedCost(figure: Exclude<FundedFigure, 'benefit'>, departments: ReadonlySet<number> | null, departmentKey: string): MonthSeries {
    const type: AccountType = figure === 'capital' ? 'capex' : 'opex';
    return this.series({
      key: `funded:${figure}|${departmentKey}`,
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
    return this.series({ key: `benefit:${[...proposalIds].sort((a, b) => a - b).join(',')}`, includes: (row) => row.account.type === 'revenue' && row.line.proposalId != null && proposalIds.has(row.line.proposalId) });
  }
}

/** Planned benefits of proposals, a twelfth of each year's benefit a month (exact: no rounding). */
export function plannedBenefits(proposals: readonly Pick<Proposal, 'id' | 'flows'>[], periodCount: number): MonthSeries {
  const values = Array.from({ length: periodCount }, (_unused, month) =>
    proposals.reduce((total, proposal) => total.plus(amountOf(proposal.flows.benefit[Math.floor(month / 12)] ?? null).div(12)), new Decimal(0)),
  );
  return { values, lastYear: Array.from({ length: 12 }, () => new Decimal(0)), errors: new Map() };
}
