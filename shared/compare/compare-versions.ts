import { fiscalLayout, type PeriodSpan } from '../calendar/fiscal-calendar';
import type { AccountType, AccountUnit, SheetModel, VersionSummary } from '../domain/workbook';
import type { Decimal } from '../money/decimal';
import { rowError, type GridRow, type SheetView } from '../sheet/sheet-view';
import { rowSpanSum } from '../sheet/span-sums';

/** How a row's variance reads: more income is good, more cost is bad, a driver is neither. */
export type Nature = 'income' | 'cost' | 'neutral';

/** A base, a comparison, and what lies between them, over one span of months. */
export interface VarianceFigures {
  base: Decimal | null;
  comparison: Decimal | null;
  /** comparison − base */
  variance: Decimal | null;
  /** the variance as a share of the base's size (0.052 = 5.2%); null when the base is zero or absent */
  ratio: Decimal | null;
  /** true favourable, false unfavourable, null neither (no change, or a driver) */
  favourable: boolean | null;
  /** why the figures cannot be trusted (an error in either version, travelled up to this row), or null */
  error: string | null;
}

/** One row of the comparison: a line, a group with its subtotal, or a total, in both versions. */
export interface CompareRow {
  kind: 'line' | 'group' | 'total';
  id: string;
  label: string;
  /** depth among the groups; lines sit below their innermost group */
  level: number;
  department: string;
  account: string;
  lineId: number | null;
  unit: AccountUnit;
  nature: Nature;
  /** the total that is the result line (operating income) */
  emphasis: boolean;
  base: GridRow | undefined;
  comparison: GridRow | undefined;
}

/** Two versions side by side, read from the one model of the sheet of each. */
export interface VersionComparison {
  base: VersionSummary;
  comparison: VersionSummary;
  rows: CompareRow[];
  totals: CompareRow[];
  baseView: SheetView;
  comparisonView: SheetView;
}

const natureOfType = (type: AccountType): Nature => (type === 'revenue' ? 'income' : type === 'driver' ? 'neutral' : 'cost');

function natureOfGroup(id: string, view: SheetView): Nature {
  const department = /^g:d\d+$/.exec(id);
  if (department !== null) return 'income';
  const typed = /^g:(?:d\d+|t):(\w+)$/.exec(id);
  if (typed?.[1] !== undefined) return natureOfType(typed[1] as AccountType);
  const account = /^g:a(\d+)$/.exec(id);
  if (account?.[1] !== undefined) return natureOfType(view.accountsById.get(Number(account[1]))?.type ?? 'driver');
  return 'neutral';
}

/** A comparison row for each row of the base's display (lines, groups) and each total, paired with the comparison's. */
export function compareVersions(baseView: SheetView, comparisonView: SheetView): VersionComparison {
  const rows: CompareRow[] = [];
  let groupLevel = 0;
  for (const row of baseView.display.rows) {
    if (row.kind === 'group') {
      groupLevel = row.level;
      const other = comparisonView.display.rows[comparisonView.display.groupIndex.get(row.id) ?? -1];
      rows.push({
        kind: 'group',
        id: row.id,
        label: row.label,
        level: row.level,
        department: '',
        account: '',
        lineId: null,
        unit: 'currency',
        nature: natureOfGroup(row.id, baseView),
        emphasis: false,
        base: row,
        comparison: other?.kind === 'group' ? other : undefined,
      });
      continue;
    }
    rows.push({
      kind: 'line',
      id: row.id,
      label: row.line.description,
      level: groupLevel + 1,
      department: row.department,
      account: `${row.account.code} ${row.account.name}`,
      lineId: row.line.id,
      unit: row.account.unit,
      nature: natureOfType(row.account.type),
      emphasis: false,
      base: row,
      comparison: comparisonView.rows[comparisonView.rowIndex.get(row.line.id) ?? -1],
    });
  }
  const totals = baseView.totalRows.map(
    (row): CompareRow => ({
      kind: 'total',
      id: row.id,
      label: row.label,
      level: 0,
      department: '',
      account: '',
      lineId: null,
      unit: 'currency',
      nature: row.id === 'total-revenue' || row.id === 'operating-income' ? 'income' : 'cost',
      emphasis: row.emphasis,
      base: row,
      comparison: comparisonView.totalRows.find((candidate) => candidate.id === row.id),
    }),
  );
  return { base: baseView.model.version, comparison: comparisonView.model.version, rows, totals, baseView, comparisonView };
}

/** Base, comparison, variance and variance % of a row over a span, exact; computed when asked (the grid asks for what it shows). */
export function figuresOf(comparison: Pick<VersionComparison, 'baseView' | 'comparisonView'>, row: CompareRow, periods: readonly number[]): VarianceFigures {
  const error = rowError(comparison.baseView, row.base, periods) ?? rowError(comparison.comparisonView, row.comparison, periods);
  const base = rowSpanSum(row.base, periods);
  const other = rowSpanSum(row.comparison, periods);
  if (error !== null) return { base: null, comparison: null, variance: null, ratio: null, favourable: null, error };
  const variance = base === null || other === null ? null : other.minus(base);
  const ratio = variance === null || base === null || base.isZero() ? null : variance.div(base.abs());
  const favourable = variance === null || variance.isZero() || row.nature === 'neutral' ? null : (variance.isPositive() === (row.nature === 'income'));
  return { base, comparison: other, variance, ratio, favourable, error: null };
}

/**
 * Whether a variance needs an explanation: at least `amount` in size and at least `percent`
 * of the base (both, so a small line's large percentage and a large line's rounding both pass
 * quietly). A new amount where the base had none counts by its size alone.
 */
export function isOverThresholds(figures: VarianceFigures, amount: Decimal, percent: Decimal): boolean {
  if (figures.error !== null) return true;
  if (figures.variance === null || figures.variance.isZero()) return false;
  if (figures.variance.abs().lessThan(amount)) return false;
  return figures.ratio === null || figures.ratio.abs().times(100).greaterThanOrEqualTo(percent);
}

/** The spans a comparison can show: each month and quarter, year to date (through the last closed month) and each fiscal year. */
export function compareSpans(model: Pick<SheetModel, 'calendar' | 'periods' | 'actualsThrough'>): { periods: PeriodSpan[]; yearToDate: PeriodSpan | null; years: PeriodSpan[] } {
  const layout = fiscalLayout(model.calendar);
  const months = model.periods.map((period): PeriodSpan => ({ id: `m${period.index}`, label: period.label, periods: [period.index] }));
  const quarters = layout.flatMap((year) => year.quarters);
  const through = model.actualsThrough;
  const yearToDate =
    through === null
      ? null
      : { id: 'ytd', label: `Year to date (through ${model.periods[through]?.label ?? ''})`, periods: model.periods.filter((period) => period.index <= through).map((period) => period.index) };
  return { periods: [...months, ...quarters], yearToDate, years: layout.map((year) => ({ ...year.year, label: `Full year ${year.year.label.replace(/ total$/, '')}` })) };
}
