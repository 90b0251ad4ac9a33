import type { Goal, Kpi } from '../../shared/domain/kpi';
import type { Proposal } from '../../shared/domain/proposal';
import type { AccountType } from '../../shared/domain/workbook';
import { monthSpan, monthsOf, planYear, yearStart, type MonthSpan } from '../../shared/kpi/kpi-spans';
import type { KpiStatus } from '../../shared/kpi/kpi-status';
import type { ScorecardRow } from '../../shared/kpi/scorecard';
import { Decimal } from '../../shared/money/decimal';
import { ExactSum } from '../../shared/money/exact-sum';
import { firstError, travelledError } from '../../shared/sheet/sheet-errors';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';

/** What the goals view adds up: the money spent (costs and capital) or the revenue earned. */
export type GoalMeasure = 'spend' | 'revenue';
export const MEASURE_TYPES: Record<GoalMeasure, readonly AccountType[]> = { spend: ['cogs', 'opex', 'capex'], revenue: ['revenue'] };
export const MEASURE_LABELS: Record<GoalMeasure, string> = { spend: 'Spend', revenue: 'Revenue' };

/** An exact sum over some months, or why it cannot be trusted: never a total that silently left a line out. */
export type Figure = { ok: true; value: Decimal } | { ok: false; error: string };

/** Budget for the full plan year and for the closed months, actuals for the closed months, and their variance. */
export interface MoneyFigures {
  budgetYear: Figure;
  /** null before the first month closes, or without an actuals version */
  budgetToDate: Figure | null;
  actualToDate: Figure | null;
  /** actual less budget to date */
  variance: Figure | null;
  /** true when the variance is good for the measure (less spend, more revenue); null when none or zero */
  favourable: boolean | null;
}

export interface GoalLine extends MoneyFigures {
  lineId: number;
  description: string;
  department: string;
  account: string;
}

/** A KPI linked to a goal, with its status year to date (null with the reason when it has none). */
export interface GoalKpi {
  kpi: Kpi;
  status: KpiStatus | null;
  why: string | null;
}

/** One goal's money, proposals and KPIs; `goal` null is everything not tagged to any goal. */
export interface GoalSummaryRow extends MoneyFigures {
  goal: Goal | null;
  lines: GoalLine[];
  /** tagged lines of other kinds (revenue while spend is shown, or the reverse; drivers), which the figures leave out */
  otherLines: number;
  funded: Proposal[];
  /** the funded proposals' capital cost in year 0 */
  capital: Decimal;
  /** tagged proposals not funded (proposed, deferred, rejected) */
  unfunded: number;
  kpis: GoalKpi[];
}

export interface GoalSummary {
  measure: GoalMeasure;
  year: MonthSpan;
  /** the closed months of the plan year; null before the first closes */
  toDate: MonthSpan | null;
  goals: GoalSummaryRow[];
  untagged: GoalSummaryRow;
  /** every line of the measure: what the sheet's totals show */
  total: MoneyFigures & { capital: Decimal; funded: number };
}

export interface GoalSummaryInput {
  goals: readonly Goal[];
  budget: SheetView | undefined;
  actual: SheetView | undefined;
  actualsThrough: number | null;
  proposals: readonly Proposal[];
  scorecard: readonly ScorecardRow[];
  measure: GoalMeasure;
}

/** Sums of figures, carrying the first error. */
function addFigures(figures: readonly Figure[]): Figure {
  let sum = new Decimal(0);
  for (const figure of figures) {
    if (!figure.ok) return figure;
    sum = sum.plus(figure.value);
  }
  return { ok: true, value: sum };
}

function lineFigure(view: SheetView, lineId: number, months: readonly number[]): Figure {
  const row = view.rows[view.rowIndex.get(lineId) ?? -1];
  if (row === undefined) return { ok: true, value: new Decimal(0) };
  const error = firstError(view.lineErrors.get(lineId), months);
  if (error !== null) return { ok: false, error: travelledError(row.line.description, error) };
  const sum = new ExactSum();
  for (const month of months) sum.add(row.line.values[month]);
  return { ok: true, value: sum.value() };
}

function withVariance(budgetYear: Figure, budgetToDate: Figure | null, actualToDate: Figure | null, measure: GoalMeasure): MoneyFigures {
  if (budgetToDate === null || actualToDate === null) return { budgetYear, budgetToDate, actualToDate, variance: null, favourable: null };
  if (!budgetToDate.ok) return { budgetYear, budgetToDate, actualToDate, variance: budgetToDate, favourable: null };
  if (!actualToDate.ok) return { budgetYear, budgetToDate, actualToDate, variance: actualToDate, favourable: null };
  const variance = actualToDate.value.minus(budgetToDate.value);
  const favourable = variance.isZero() ? null : measure === 'spend' ? variance.isNegative() : variance.isPositive();
  return { budgetYear, budgetToDate, actualToDate, variance: { ok: true, value: variance }, favourable };
}

function sumLines(lines: readonly GoalLine[], measure: GoalMeasure, toDate: boolean): MoneyFigures {
  const budgetYear = addFigures(lines.map((line) => line.budgetYear));
  if (!toDate) return withVariance(budgetYear, null, null, measure);
  const budgetToDate = addFigures(lines.map((line) => line.budgetToDate ?? { ok: true, value: new Decimal(0) }));
  const actualToDate = addFigures(lines.map((line) => line.actualToDate ?? { ok: true, value: new Decimal(0) }));
  return withVariance(budgetYear, budgetToDate, actualToDate, measure);
}

function kpiLink(row: ScorecardRow | undefined, kpi: Kpi): GoalKpi {
  const judged = row?.yearToDate ?? null;
  if (judged === null) return { kpi, status: null, why: 'no month closed yet' };
  if (judged.status !== null) return { kpi, status: judged.status, why: null };
  if (!judged.value.ok) return { kpi, status: null, why: judged.value.reason };
  return { kpi, status: null, why: 'no target for the year to date' };
}

const capitalOf = (proposals: readonly Proposal[]) => proposals.reduce((sum, proposal) => sum.plus(proposal.flows.capex[0] ?? '0'), new Decimal(0));

/**
 * Per goal: the budget and actual money of the lines tagged with it (exact, from the one model of
 * the sheet), the funded proposals and their capital, and the linked KPIs' status year to date.
 * The untagged row holds the rest, so goals and untagged add up to the sheet's totals.
 */
export function summarizeGoals(input: GoalSummaryInput): GoalSummary {
  const { budget, actual, measure } = input;
  const types = MEASURE_TYPES[measure];
  const year = planYear(budget?.model.periods ?? []);
  const closed = input.actualsThrough === null || actual === undefined ? null : Math.min(input.actualsThrough, year.last);
  const toDate = closed === null || closed < year.first ? null : monthSpan(Math.max(yearStart(closed), year.first), closed);
  const yearMonths = monthsOf(year);
  const toDateMonths = toDate === null ? [] : monthsOf(toDate);

  const goalLine = (row: LineRow): GoalLine => {
    const budgetYear = budget === undefined ? { ok: true as const, value: new Decimal(0) } : lineFigure(budget, row.line.id, yearMonths);
    const budgetToDate = toDate === null || budget === undefined ? null : lineFigure(budget, row.line.id, toDateMonths);
    const actualToDate = toDate === null || actual === undefined ? null : lineFigure(actual, row.line.id, toDateMonths);
    return { lineId: row.line.id, description: row.line.description, department: row.department, account: row.account.name, ...withVariance(budgetYear, budgetToDate, actualToDate, measure) };
  };

  const linesByGoal = new Map<number | null, GoalLine[]>();
  const otherByGoal = new Map<number | null, number>();
  const known = new Set(input.goals.map((goal) => goal.id));
  for (const row of budget?.rows ?? []) {
    const tag = row.line.goalId ?? null;
    const goalId = tag !== null && known.has(tag) ? tag : null;
    if (!types.includes(row.account.type)) {
      if (goalId !== null) otherByGoal.set(goalId, (otherByGoal.get(goalId) ?? 0) + 1);
      continue;
    }
    linesByGoal.set(goalId, [...(linesByGoal.get(goalId) ?? []), goalLine(row)]);
  }
  const scoreByKpi = new Map(input.scorecard.map((row) => [row.kpi.id, row]));

  const summaryRow = (goal: Goal | null): GoalSummaryRow => {
    const goalId = goal?.id ?? null;
    const lines = linesByGoal.get(goalId) ?? [];
    const tagged = input.proposals.filter((proposal) => (proposal.goalId !== null && known.has(proposal.goalId) ? proposal.goalId : null) === goalId);
    const funded = tagged.filter((proposal) => proposal.status === 'funded');
    const kpis = goal === null ? [] : input.scorecard.filter((row) => row.kpi.goalId === goal.id).map((row) => kpiLink(scoreByKpi.get(row.kpi.id), row.kpi));
    return {
      goal,
      ...sumLines(lines, measure, toDate !== null),
      lines,
      otherLines: goal === null ? 0 : (otherByGoal.get(goalId) ?? 0),
      funded,
      capital: capitalOf(funded),
      unfunded: tagged.length - funded.length,
      kpis,
    };
  };

  const goals = input.goals.map(summaryRow);
  const untagged = summaryRow(null);
  const everyLine = [...goals, untagged].flatMap((row) => row.lines);
  const allFunded = input.proposals.filter((proposal) => proposal.status === 'funded');
  return {
    measure,
    year,
    toDate,
    goals,
    untagged,
    total: { ...sumLines(everyLine, measure, toDate !== null), capital: capitalOf(allFunded), funded: allFunded.length },
  };
}
