import { fiscalYearLabel, type FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import { figuresOf, type VersionComparison } from '../../shared/compare/compare-versions';
import type { BridgeStep, VarianceBridge } from '../../shared/compare/variance-bridge';
import type { Portfolio } from '../../shared/domain/proposal';
import type { Department } from '../../shared/domain/workbook';
import { subtreeIds } from '../../shared/kpi/kpi-series';
import { amountOf } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import { rowError, type GridRow, type SheetView } from '../../shared/sheet/sheet-view';
import { rowSpanSum } from '../../shared/sheet/span-sums';

/**
 * What the dashboard's charts show, read from the one model of the sheet of each version: its
 * totals, and the subtotals its department groups keep up to date on every edit. Nothing here
 * adds up lines again; a figure that includes a line in error is null with the reason.
 */

export const MEASURES = ['revenue', 'cogs', 'opex', 'operating_income'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_LABELS: Record<Measure, string> = { revenue: 'Revenue', cogs: 'Cost of goods sold', opex: 'Operating expenses', operating_income: 'Operating income' };
const TOTAL_IDS: Record<Measure, string> = { revenue: 'total-revenue', cogs: 'total-cogs', opex: 'total-opex', operating_income: 'operating-income' };

/** A figure, or why there is none. */
export interface Figure {
  value: Decimal | null;
  error: string | null;
}

/** The departments a pick covers: the department and those under it; null for the whole workbook. */
export function departmentScope(departments: readonly Department[], departmentId: number | null): ReadonlySet<number> | null {
  return departmentId === null ? null : subtreeIds(departments, [departmentId]);
}

function groupOf(view: SheetView, id: string): GridRow | undefined {
  const index = view.display.groupIndex.get(id);
  return index === undefined ? undefined : view.display.rows[index];
}

/** The rows whose sum is the measure for the scope: a pinned total, a department's contribution, or its departments' account-type groups. */
function rowsOf(view: SheetView, measure: Measure, scope: ReadonlySet<number> | null, departmentId: number | null): GridRow[] {
  if (scope === null || departmentId === null) {
    const total = view.totalRows.find((row) => row.id === TOTAL_IDS[measure]);
    return total === undefined ? [] : [total];
  }
  if (measure === 'operating_income') {
    const group = groupOf(view, `g:d${departmentId}`);
    return group === undefined ? [] : [group];
  }
  return [...scope].map((id) => groupOf(view, `g:d${id}:${measure}`)).filter((row): row is GridRow => row !== undefined);
}

/** A measure over some months in one version, for the whole workbook or a department and those under it. */
export function measureOver(view: SheetView, measure: Measure, scope: ReadonlySet<number> | null, departmentId: number | null, months: readonly number[]): Figure {
  let total = new Decimal(0);
  for (const row of rowsOf(view, measure, scope, departmentId)) {
    const error = rowError(view, row, months);
    if (error !== null) return { value: null, error };
    total = total.plus(rowSpanSum(row, months) ?? 0);
  }
  return { value: total, error: null };
}

/** A measure month by month over the plan year; months past `through` (actuals not closed) are null. */
export function measureByMonth(view: SheetView, measure: Measure, scope: ReadonlySet<number> | null, departmentId: number | null, monthCount: number, through: number | null = null): Figure[] {
  return Array.from({ length: monthCount }, (_unused, month) =>
    through !== null && month > through ? { value: null, error: null } : measureOver(view, measure, scope, departmentId, [month]),
  );
}

/** One bar of operating expenses by department. */
export interface DepartmentBar {
  departmentId: number;
  label: string;
  figure: Figure;
}

/** Operating expenses of each department in scope that holds operating-expense lines, over some months. */
export function opexByDepartment(view: SheetView, scope: ReadonlySet<number> | null, months: readonly number[]): DepartmentBar[] {
  const bars: DepartmentBar[] = [];
  for (const department of view.model.departments) {
    if (scope !== null && !scope.has(department.id)) continue;
    const group = groupOf(view, `g:d${department.id}:opex`);
    if (group === undefined) continue;
    const error = rowError(view, group, months);
    bars.push({ departmentId: department.id, label: department.name, figure: error === null ? { value: rowSpanSum(group, months) ?? new Decimal(0), error: null } : { value: null, error } });
  }
  return bars;
}

/** The line a department's bar leads to: its first operating-expense line in the sheet (else its first line). */
export function firstLineOf(view: SheetView, departmentId: number): number | null {
  let first: number | null = null;
  for (const row of view.display.rows) {
    if (row.kind !== 'line' || row.line.departmentId !== departmentId) continue;
    if (row.account.type === 'opex') return row.line.id;
    first ??= row.line.id;
  }
  return first;
}

/** Capital committed in one fiscal year by the funded proposals in scope, against that year's cap. */
export interface CapitalYear {
  label: string;
  committed: Decimal;
  cap: Decimal | null;
  proposals: { title: string; amount: Decimal }[];
}

/** Capital committed by the funded proposals, year by year, against the capital caps. */
export function capitalByYear(portfolio: Pick<Portfolio, 'proposals' | 'settings'>, calendar: FiscalCalendar, scope: ReadonlySet<number> | null): CapitalYear[] {
  const funded = portfolio.proposals.filter((proposal) => proposal.status === 'funded' && (scope === null || (proposal.departmentId !== null && scope.has(proposal.departmentId))));
  return Array.from({ length: Math.max(1, portfolio.settings.years) }, (_unused, year) => {
    const proposals = funded
      .map((proposal) => ({ title: proposal.title, amount: amountOf(proposal.flows.capex[year] ?? null) }))
      .filter((entry) => !entry.amount.isZero())
      .sort((a, b) => b.amount.comparedTo(a.amount));
    const cap = portfolio.settings.capitalCaps[year];
    return {
      label: fiscalYearLabel({ ...calendar, startYear: calendar.startYear + year }),
      committed: proposals.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0)),
      cap: cap === null || cap === undefined ? null : amountOf(cap),
      proposals,
    };
  });
}

const TYPE_STEPS = [
  ['revenue', 'Revenue', 1],
  ['cogs', 'Cost of goods sold', -1],
  ['opex', 'Operating expenses', -1],
] as const;

/**
 * The operating-income bridge of one department (with those under it) from base to comparison:
 * a step for each department directly under it (its contribution's change) and, for lines the
 * department holds itself, a step per account type. The steps add up exactly to the change.
 */
export function departmentBridge(comparison: VersionComparison, departmentId: number, departments: readonly Department[], months: readonly number[]): VarianceBridge {
  const zero = new Decimal(0);
  const find = (id: string) => comparison.rows.find((row) => row.id === id);
  const own = find(`g:d${departmentId}`);
  if (own === undefined) return { start: zero, steps: [], end: zero, error: 'This department holds no lines in these versions.' };
  const ends = figuresOf(comparison, own, months);
  if (ends.error !== null || ends.base === null || ends.comparison === null) return { start: zero, steps: [], end: zero, error: ends.error ?? 'Operating income cannot be computed.' };
  const steps: BridgeStep[] = [];
  const children = departments.filter((department) => department.parentId === departmentId);
  const mixed = children.length > 0;
  for (const [type, label, sign] of TYPE_STEPS) {
    const row = find(`g:d${departmentId}:${type}`);
    if (row === undefined) continue;
    const figures = figuresOf(comparison, row, months);
    const name = departments.find((department) => department.id === departmentId)?.name ?? '';
    steps.push({ label: mixed ? `${name}: ${label.toLowerCase()}` : label, change: (figures.variance ?? zero).times(sign) });
  }
  for (const child of children) {
    const row = find(`g:d${child.id}`);
    if (row !== undefined) steps.push({ label: child.name, change: figuresOf(comparison, row, months).variance ?? zero });
  }
  return { start: ends.base, steps, end: ends.comparison, error: null };
}
