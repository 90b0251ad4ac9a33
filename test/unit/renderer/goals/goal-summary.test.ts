import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsOf } from '../../../../shared/calendar/fiscal-calendar';
import type { Goal, Kpi } from '../../../../shared/domain/kpi';
import type { Account, AccountType, SheetModel, VersionKind } from '../../../../shared/domain/workbook';
import type { JudgedSpan, ScorecardRow } from '../../../../shared/kpi/scorecard';
import { Decimal } from '../../../../shared/money/decimal';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { summarizeGoals, type Figure, type GoalMeasure, type GoalSummary, type GoalSummaryRow } from '../../../../renderer/goals/goal-summary';
import { proposalFixture } from '../../../helpers/proposal';

const GOALS: Goal[] = [
  { id: 1, name: 'Cost leadership', description: 'Lower unit cost', sortOrder: 1 },
  { id: 2, name: 'Grow services revenue', description: '', sortOrder: 2 },
];
const TYPES: AccountType[] = ['revenue', 'cogs', 'opex', 'capex', 'driver'];
const ACCOUNTS: Account[] = TYPES.map((type, index) => ({ id: index + 1, code: String(4000 + index * 1000), name: `${type} account`, type, unit: type === 'driver' ? 'number' : 'currency', parentId: null }));

interface LineSpec {
  type: AccountType;
  goalId: number | null;
  budget: (string | null)[];
  actual: (string | null)[];
  formula?: string;
}

/** A version of 24 months (two fiscal years) holding the lines, each on an account of its type. */
function model(kind: VersionKind, id: number, lines: readonly LineSpec[], actualsThrough: number | null): SheetModel {
  const calendar = { startYear: 2027, startMonth: 1, periodCount: 24 };
  return {
    workbook: { path: '/tmp/goals.tandem', name: 'Goals', currency: 'USD', revision: 0 },
    calendar,
    periods: periodsOf(calendar),
    version: { id, name: kind, kind, status: 'draft', owner: '', basedOn: null, createdAt: '', closedThrough: null, events: [] },
    departments: [{ id: 1, name: 'Plant', parentId: null }],
    accounts: ACCOUNTS,
    lines: lines.map((line, index) => ({
      id: index + 1,
      departmentId: 1,
      accountId: TYPES.indexOf(line.type) + 1,
      description: `Line ${index + 1}`,
      values: kind === 'actuals' ? line.actual : line.budget,
      formula: line.formula ?? null,
      goalId: line.goalId,
    })),
    history: { undo: null, redo: null },
    comments: [],
    profiles: [],
    priorYear: null,
    versions: [],
    actualsThrough,
    actualMonths: 0,
    actualsSource: null,
  };
}

function views(lines: readonly LineSpec[], actualsThrough: number | null) {
  return { budget: buildSheetView(model('budget', 1, lines, actualsThrough)), actual: buildSheetView(model('actuals', 2, lines, actualsThrough)) };
}

/** An independent sum in decimals over the lines and months given. */
function recompute(lines: readonly LineSpec[], pick: (line: LineSpec) => boolean, side: 'budget' | 'actual', first: number, last: number): Decimal {
  let sum = new Decimal(0);
  for (const line of lines.filter(pick)) {
    for (let month = first; month <= last; month += 1) sum = sum.plus(line[side][month] ?? '0');
  }
  return sum;
}

function goalAt(summary: GoalSummary, index: number): GoalSummaryRow {
  const row = summary.goals[index];
  if (row === undefined) throw new Error(`No goal row ${index}`);
  return row;
}

const valueOf = (figure: Figure | null): string => {
  if (figure === null) return 'none';
  if (!figure.ok) throw new Error(figure.error);
  return figure.value.toFixed();
};

const cents = fc.option(fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((value) => new Decimal(value).div(100).toFixed()), { nil: null });
const lineSpec = fc.record({
  type: fc.constantFrom(...TYPES),
  goalId: fc.constantFrom(1, 2, null, 99),
  budget: fc.array(cents, { minLength: 24, maxLength: 24 }),
  actual: fc.array(cents, { minLength: 24, maxLength: 24 }),
});

describe('the goals summary', () => {
  it('adds each goal’s tagged lines exactly, and goals plus untagged reconcile to the sheet’s totals', () => {
    fc.assert(
      fc.property(fc.array(lineSpec, { minLength: 1, maxLength: 12 }), fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }), fc.constantFrom<GoalMeasure>('spend', 'revenue'), (lines, actualsThrough, measure) => {
        const { budget, actual } = views(lines, actualsThrough);
        const summary = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough, proposals: [], scorecard: [], measure });
        const types: AccountType[] = measure === 'spend' ? ['cogs', 'opex', 'capex'] : ['revenue'];
        const closed = actualsThrough === null ? null : Math.min(actualsThrough, 11);
        const inMeasure = (line: LineSpec) => types.includes(line.type);
        // A tag naming no goal of the workbook counts as untagged.
        const tagOf = (line: LineSpec) => (line.goalId === 1 || line.goalId === 2 ? line.goalId : null);
        for (const row of [...summary.goals, summary.untagged]) {
          const mine = (line: LineSpec) => inMeasure(line) && tagOf(line) === (row.goal?.id ?? null);
          expect(valueOf(row.budgetYear)).toBe(recompute(lines, mine, 'budget', 0, 11).toFixed());
          if (closed === null) {
            expect(row.budgetToDate).toBeNull();
            expect(row.actualToDate).toBeNull();
            continue;
          }
          const budgetToDate = recompute(lines, mine, 'budget', 0, closed);
          const actualToDate = recompute(lines, mine, 'actual', 0, closed);
          expect(valueOf(row.budgetToDate)).toBe(budgetToDate.toFixed());
          expect(valueOf(row.actualToDate)).toBe(actualToDate.toFixed());
          expect(valueOf(row.variance)).toBe(actualToDate.minus(budgetToDate).toFixed());
          const variance = actualToDate.minus(budgetToDate);
          expect(row.favourable).toBe(variance.isZero() ? null : measure === 'spend' ? variance.isNegative() : variance.isPositive());
          expect(row.lines.map((line) => line.lineId)).toEqual(lines.flatMap((line, index) => (mine(line) ? [index + 1] : [])));
        }
        // The total is what the sheet's own totals show for the plan year.
        const sheetYear = types.reduce((sum, type) => sum.plus(budget.totals.byType[type as Exclude<AccountType, 'driver'>].periods.slice(0, 12).reduce((a, b) => a.plus(b), new Decimal(0))), new Decimal(0));
        expect(valueOf(summary.total.budgetYear)).toBe(sheetYear.toFixed());
      }),
      { numRuns: 150 },
    );
  });

  it('counts the tagged lines of other kinds apart, and leaves drivers out of the money', () => {
    const lines: LineSpec[] = [
      { type: 'revenue', goalId: 2, budget: ['100.10'], actual: ['90'] },
      { type: 'opex', goalId: 2, budget: ['40.05'], actual: ['50'] },
      { type: 'driver', goalId: 2, budget: ['12'], actual: ['12'] },
    ];
    const { budget, actual } = views(lines, 0);
    const spend = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough: 0, proposals: [], scorecard: [], measure: 'spend' });
    const services = goalAt(spend, 1);
    expect(valueOf(services.budgetYear)).toBe('40.05');
    expect(services.otherLines).toBe(2);
    expect(services.favourable).toBe(false);
    const revenue = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough: 0, proposals: [], scorecard: [], measure: 'revenue' });
    expect(valueOf(goalAt(revenue, 1).variance)).toBe('-10.1');
    expect(goalAt(revenue, 1).favourable).toBe(false);
  });

  it('shows a line in error as the goal’s error, naming the line, and leaves other goals their figures', () => {
    const lines: LineSpec[] = [
      { type: 'opex', goalId: 1, budget: [], actual: [], formula: 'Nowhere * 2' },
      { type: 'opex', goalId: 2, budget: ['10'], actual: ['12'] },
    ];
    const { budget, actual } = views(lines, 1);
    const summary = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough: 1, proposals: [], scorecard: [], measure: 'spend' });
    const cost = goalAt(summary, 0);
    expect(cost.budgetYear.ok).toBe(false);
    expect(cost.budgetYear.ok ? '' : cost.budgetYear.error).toMatch(/“Line 1”/);
    expect(summary.total.budgetYear.ok).toBe(false);
    expect(valueOf(goalAt(summary, 1).budgetYear)).toBe('10');
  });

  it('has no figures to date before the first close or without actuals', () => {
    const lines: LineSpec[] = [{ type: 'opex', goalId: 1, budget: ['10'], actual: ['12'] }];
    const { budget } = views(lines, null);
    const summary = summarizeGoals({ goals: GOALS, budget, actual: undefined, actualsThrough: 3, proposals: [], scorecard: [], measure: 'spend' });
    expect(summary.toDate).toBeNull();
    expect(goalAt(summary, 0).actualToDate).toBeNull();
    expect(goalAt(summary, 0).variance).toBeNull();
    expect(valueOf(goalAt(summary, 0).budgetYear)).toBe('10');
  });

  it('counts funded proposals per goal with their first year’s capital, and the rest as untagged', () => {
    const proposals = [
      proposalFixture(1, { capex: ['120000.50', '5'] }, { goalId: 1, status: 'funded' }),
      proposalFixture(2, { capex: ['80000.25'] }, { goalId: 1, status: 'funded' }),
      proposalFixture(3, { capex: ['999'] }, { goalId: 1, status: 'proposed' }),
      proposalFixture(4, { capex: ['10'] }, { goalId: null, status: 'funded' }),
      proposalFixture(5, { capex: ['7'] }, { goalId: 2, status: 'deferred' }),
    ];
    const { budget, actual } = views([], 2);
    const summary = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough: 2, proposals, scorecard: [], measure: 'spend' });
    const cost = goalAt(summary, 0);
    expect(cost.funded.map((proposal) => proposal.id)).toEqual([1, 2]);
    expect(cost.capital.toFixed()).toBe('200000.75');
    expect(cost.unfunded).toBe(1);
    expect(goalAt(summary, 1).funded).toEqual([]);
    expect(goalAt(summary, 1).unfunded).toBe(1);
    expect(summary.untagged.capital.toFixed()).toBe('10');
    expect(summary.total.capital.toFixed()).toBe('200010.75');
    expect(summary.total.funded).toBe(3);
  });

  it('links KPIs by goal with their status year to date, or says why there is none', () => {
    const kpi = (id: number, goalId: number | null): Kpi => ({
      id,
      name: `KPI ${id}`,
      description: '',
      definition: 'x',
      unit: 'money',
      direction: 'higher',
      departmentId: null,
      goalId,
      thresholds: { kind: 'percent', onTrackWithin: '0', offTrackBeyond: '5' },
      targets: [],
      sortOrder: id,
    });
    const judged = (status: JudgedSpan['status'], value: JudgedSpan['value'] = { ok: true, value: new Decimal(1) }) => ({ status, value }) as JudgedSpan;
    const scorecard = [
      { kpi: kpi(1, 1), yearToDate: judged('at-risk') },
      { kpi: kpi(2, 1), yearToDate: judged(null, { ok: false, reason: 'division by zero' }) },
      { kpi: kpi(3, 1), yearToDate: null },
      { kpi: kpi(4, 2), yearToDate: judged(null) },
      { kpi: kpi(5, null), yearToDate: judged('on-track') },
    ] as ScorecardRow[];
    const { budget, actual } = views([], 2);
    const summary = summarizeGoals({ goals: GOALS, budget, actual, actualsThrough: 2, proposals: [], scorecard, measure: 'spend' });
    expect(goalAt(summary, 0).kpis.map((link) => [link.kpi.id, link.status, link.why])).toEqual([
      [1, 'at-risk', null],
      [2, null, 'division by zero'],
      [3, null, 'no month closed yet'],
    ]);
    expect(goalAt(summary, 1).kpis.map((link) => link.why)).toEqual(['no target for the year to date']);
    expect(summary.untagged.kpis).toEqual([]);
  });
});
