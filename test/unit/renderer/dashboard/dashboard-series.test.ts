import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../shared/compare/compare-versions';
import type { Proposal } from '../../../../shared/domain/proposal';
import { Decimal } from '../../../../shared/money/decimal';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { capitalByYear, departmentBridge, departmentScope, firstLineOf, measureByMonth, measureOver, opexByDepartment } from '../../../../renderer/dashboard/dashboard-series';
import { DEPARTMENTS, model, type Values } from '../../shared/kpi/kpi-fixture';

const months = (...values: (string | null)[]) => values;
const BUDGET: Values = {
  1: months('100000', '110000', '120000'),
  2: months('20000', '20000', '25000'),
  3: months('40000', '44000', '48000'),
  4: months('15000', '15000', '15000'),
  5: months('10000', '10000', '10000'),
  6: months('40000', '40000', '40000'),
  7: months('500', '500', '500'),
};
const ACTUAL: Values = {
  1: months('98000.10', '104500.55', '126000'),
  2: months('18000', '21000.45', '24000'),
  3: months('41000.33', '43000', '50500.07'),
  4: months('15100', '14950', '15200'),
  5: months('9800', '10020', '10100'),
  6: months('0', '55000', '61000.50'),
  7: months('0', '450', '610'),
};
const Q1 = [0, 1, 2];
const budget = buildSheetView(model('budget', 1, BUDGET));
const actual = buildSheetView(model('actuals', 2, ACTUAL));

/** Raw cells added up in decimals, line by line: the independent recomputation. */
function cells(values: Values, lineIds: number[], periods = Q1): Decimal {
  let total = new Decimal(0);
  for (const id of lineIds) for (const period of periods) total = total.plus(values[id]?.[period] ?? 0);
  return total;
}

describe('the measures the charts draw, read from the sheet’s totals and department groups', () => {
  it('for the whole workbook are the sheet’s totals', () => {
    expect(measureOver(actual, 'revenue', null, null, Q1).value?.toFixed()).toBe(cells(ACTUAL, [1, 2]).toFixed());
    expect(measureOver(actual, 'cogs', null, null, Q1).value?.toFixed()).toBe(cells(ACTUAL, [3]).toFixed());
    expect(measureOver(actual, 'opex', null, null, Q1).value?.toFixed()).toBe(cells(ACTUAL, [4, 5, 7]).toFixed());
    expect(measureOver(actual, 'operating_income', null, null, Q1).value?.toFixed()).toBe(cells(ACTUAL, [1, 2]).minus(cells(ACTUAL, [3, 4, 5, 7])).toFixed());
  });

  it('for a division take its departments', () => {
    const commercial = departmentScope(DEPARTMENTS, 1);
    expect(measureOver(actual, 'revenue', commercial, 1, Q1).value?.toFixed()).toBe(cells(ACTUAL, [1, 2]).toFixed());
    expect(measureOver(actual, 'opex', commercial, 1, Q1).value?.toFixed()).toBe(cells(ACTUAL, [4]).toFixed());
    expect(measureOver(actual, 'cogs', commercial, 1, Q1).value?.toFixed()).toBe('0');
    expect(measureOver(actual, 'operating_income', commercial, 1, Q1).value?.toFixed()).toBe(cells(ACTUAL, [1, 2]).minus(cells(ACTUAL, [4])).toFixed());
    const plant = departmentScope(DEPARTMENTS, 4);
    expect(measureOver(budget, 'opex', plant, 4, [1]).value?.toFixed()).toBe(cells(BUDGET, [5, 7], [1]).toFixed());
  });

  it('leave months that are not closed empty, not zero', () => {
    const byMonth = measureByMonth(actual, 'revenue', null, null, 12, 1);
    expect(byMonth[1]?.value?.toFixed()).toBe(cells(ACTUAL, [1, 2], [1]).toFixed());
    expect(byMonth[2]).toEqual({ value: null, error: null });
  });

  it('carry a line’s error with its reason instead of a number that left it out', () => {
    const broken = model('budget', 3, BUDGET);
    broken.lines = broken.lines.map((line) => (line.id === 5 ? { ...line, formula: '[No such line] * 2' } : line));
    const view = buildSheetView(broken);
    const figure = measureOver(view, 'opex', null, null, Q1);
    expect(figure.value).toBeNull();
    expect(figure.error).toContain('Plant salaries');
    expect(measureOver(view, 'revenue', null, null, Q1).error).toBeNull();
    expect(measureOver(view, 'opex', departmentScope(DEPARTMENTS, 1), 1, Q1).error).toBeNull();
  });

  it('give operating expenses per department that holds them, within the pick', () => {
    const bars = opexByDepartment(budget, null, Q1);
    expect(bars.map((bar) => [bar.label, bar.figure.value?.toFixed()])).toEqual([
      ['Sales', cells(BUDGET, [4]).toFixed()],
      ['Plant', cells(BUDGET, [5, 7]).toFixed()],
    ]);
    expect(opexByDepartment(budget, departmentScope(DEPARTMENTS, 1), Q1).map((bar) => bar.label)).toEqual(['Sales']);
  });

  it('open a department’s bar on its first operating-expense line', () => {
    expect(firstLineOf(budget, 4)).toBe(5);
    expect(firstLineOf(budget, 3)).toBe(2);
    expect(firstLineOf(budget, 99)).toBeNull();
  });
});

describe('capital committed by the funded proposals', () => {
  const proposal = (id: number, status: Proposal['status'], departmentId: number, capex: string[]) => ({ id, title: `P${id}`, status, departmentId, flows: { capex, opex: [], benefit: [] } }) as unknown as Proposal;
  const portfolio = {
    proposals: [proposal(1, 'funded', 4, ['120000', '30000']), proposal(2, 'funded', 2, ['50000']), proposal(3, 'proposed', 4, ['90000'])],
    settings: { years: 2, capitalCaps: ['150000', null] } as never,
  };

  it('adds the funded proposals’ capital per year against each year’s cap, biggest first', () => {
    const years = capitalByYear(portfolio, { startYear: 2027, startMonth: 1, periodCount: 12 }, null);
    expect(years.map((year) => [year.label, year.committed.toFixed(), year.cap?.toFixed() ?? null])).toEqual([
      ['FY2027', '170000', '150000'],
      ['FY2028', '30000', null],
    ]);
    expect(years[0]?.proposals.map((entry) => entry.title)).toEqual(['P1', 'P2']);
  });

  it('takes a department’s proposals only when one is picked', () => {
    const years = capitalByYear(portfolio, { startYear: 2027, startMonth: 1, periodCount: 12 }, departmentScope(DEPARTMENTS, 1));
    expect(years[0]?.committed.toFixed()).toBe('50000');
  });
});

describe('a department’s operating-income bridge', () => {
  const comparison = compareVersions(budget, actual);
  const sum = (bridge: ReturnType<typeof departmentBridge>) => bridge.steps.reduce((total, step) => total.plus(step.change), bridge.start);

  it('steps through the departments under a division, adding up exactly', () => {
    const bridge = departmentBridge(comparison, 1, DEPARTMENTS, Q1);
    expect(bridge.error).toBeNull();
    expect(bridge.steps.map((step) => step.label)).toEqual(['Sales', 'Services']);
    expect(bridge.start.toFixed()).toBe(cells(BUDGET, [1, 2]).minus(cells(BUDGET, [4])).toFixed());
    expect(sum(bridge).toFixed()).toBe(bridge.end.toFixed());
    expect(bridge.end.toFixed()).toBe(cells(ACTUAL, [1, 2]).minus(cells(ACTUAL, [4])).toFixed());
  });

  it('steps through the account types of a department that holds lines, favourable up', () => {
    const bridge = departmentBridge(comparison, 4, DEPARTMENTS, Q1);
    expect(bridge.steps.map((step) => step.label)).toEqual(['Cost of goods sold', 'Operating expenses']);
    // Materials cost more than planned: an unfavourable (negative) step.
    expect(bridge.steps[0]?.change.toFixed()).toBe(cells(BUDGET, [3]).minus(cells(ACTUAL, [3])).toFixed());
    expect(sum(bridge).toFixed()).toBe(bridge.end.toFixed());
  });
});
