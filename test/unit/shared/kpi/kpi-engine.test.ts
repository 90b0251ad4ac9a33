import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../../../shared/money/decimal';
import { buildSheetView, withCellValue } from '../../../../shared/sheet/sheet-view';
import { monthSpan } from '../../../../shared/kpi/kpi-spans';
import { KpiEngine, type KpiOutcome } from '../../../../shared/kpi/kpi-engine';
import { calendar, engineOf, kpi, LINES, model, type Values } from './kpi-fixture';

const Q1 = monthSpan(0, 2);
const months = (...values: (string | null)[]) => values;

/** Budget and actuals for the first quarter; balances at month end. */
const BUDGET: Values = {
  1: months('100000', '110000', '120000', '120000'),
  2: months('20000', '20000', '25000', '25000'),
  3: months('40000', '44000', '48000', '48000'),
  4: months('15000', '15000', '15000', '15000'),
  5: months('10000', '10000', '10000', '10000'),
  6: months('40000', '40000', '40000'),
  7: months('500', '500', '500'),
  8: months('90000', '95000', '99000'),
  9: months('30000', '31000', '32000'),
  10: months('25000', '26000', '27000'),
};
const ACTUAL: Values = {
  1: months('98000.10', '104500.55', '126000'),
  2: months('18000', '21000.45', '24000'),
  3: months('41000.33', '43000', '50500.07'),
  4: months('15100', '14950', '15200'),
  5: months('9800', '10020', '10100'),
  6: months('0', '55000', '61000.50'),
  7: months('0', '450', '610'),
  8: months('91000', '97000', '101500.25'),
  9: months('29000', '33000', '31500'),
  10: months('26000', '25500', '28250'),
};

/** The independent recomputation: raw cells added up in decimals, line by line, no engine. */
function cells(values: Values, lineIds: number[], first = 0, last = 2): Decimal {
  let total = new Decimal(0);
  for (const id of lineIds) for (let month = first; month <= last; month += 1) total = total.plus(values[id]?.[month] ?? 0);
  return total;
}
const revenue = (values: Values, first = 0, last = 2) => cells(values, [1, 2], first, last);
const cogs = (values: Values, first = 0, last = 2) => cells(values, [3], first, last);
const opex = (values: Values, first = 0, last = 2) => cells(values, [4, 5, 7], first, last);

function valueOf(outcome: KpiOutcome): string {
  if (!outcome.ok) throw new Error(`expected a value, got: ${outcome.reason}`);
  return outcome.value.toFixed();
}
function reasonOf(outcome: KpiOutcome): string {
  if (outcome.ok) throw new Error(`expected an error, got ${outcome.value.toFixed()}`);
  return outcome.reason;
}

const EXAMPLES = [
  kpi(1, 'Gross margin %', '(revenue() - cogs()) / revenue()'),
  kpi(2, 'Operating expenses % of revenue', 'opex() / revenue()', { direction: 'lower' }),
  kpi(3, 'Operating income vs plan', 'operating_income() - budget(operating_income())', { unit: 'money' }),
  kpi(4, 'Return on funded investments', '(funded(benefit) - funded(opex)) / funded(capital)'),
  kpi(5, 'Cost of goods sold', 'cogs()', { unit: 'money', direction: 'lower' }),
  kpi(6, 'Days sales outstanding', 'month([Accounts receivable]) / revenue() * days()', { unit: 'days', direction: 'lower' }),
  kpi(7, 'Days inventory outstanding', 'month([Inventory]) / cogs() * days()', { unit: 'days', direction: 'lower' }),
  kpi(8, 'Days payables outstanding', 'month([Accounts payable]) / cogs() * days()', { unit: 'days' }),
  kpi(9, 'Cash conversion cycle', 'kpi([Days sales outstanding]) + kpi([Days inventory outstanding]) - kpi([Days payables outstanding])', { unit: 'days', direction: 'lower' }),
  kpi(10, 'Customer satisfaction (CSAT)', null, { unit: 'score' }),
];
const byName = (name: string) => {
  const found = EXAMPLES.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no example KPI “${name}”`);
  return found;
};
/** A month's raw cell as a decimal (an empty cell is 0). */
const cell = (values: Values, lineId: number, month: number) => new Decimal(values[lineId]?.[month] ?? 0);
const INPUTS = [
  { kpiId: 10, period: 0, value: '4.2' },
  { kpiId: 10, period: 1, value: '4.5' },
  { kpiId: 10, period: 2, value: '4.35' },
];

describe('the example KPIs match a recomputation from the sheet’s cells in decimals', () => {
  const engine = engineOf({ budget: BUDGET, actual: ACTUAL }, EXAMPLES, { inputs: INPUTS });

  it('gross margin % is (revenue − COGS) / revenue, over the quarter', () => {
    const expected = revenue(ACTUAL).minus(cogs(ACTUAL)).div(revenue(ACTUAL));
    expect(valueOf(engine.outcome(byName('Gross margin %'), 'actual', Q1))).toBe(expected.toFixed());
  });

  it('operating expenses as a share of revenue', () => {
    expect(valueOf(engine.outcome(byName('Operating expenses % of revenue'), 'budget', Q1))).toBe(opex(BUDGET).div(revenue(BUDGET)).toFixed());
  });

  it('operating income against the plan reads the budget inside an actual', () => {
    const income = (values: Values) => revenue(values).minus(cogs(values)).minus(opex(values));
    expect(valueOf(engine.outcome(byName('Operating income vs plan'), 'actual', Q1))).toBe(income(ACTUAL).minus(income(BUDGET)).toFixed());
  });

  it('return on funded investments: planned benefits (a twelfth of the year a month) over the funded lines’ costs', () => {
    const benefit = new Decimal(60000).div(12).times(3);
    const expected = benefit.minus(cells(ACTUAL, [7])).div(cells(ACTUAL, [6]));
    expect(valueOf(engine.outcome(byName('Return on funded investments'), 'actual', Q1))).toBe(expected.toFixed());
  });

  it('cost of goods sold is the COGS total', () => {
    expect(valueOf(engine.outcome(byName('Cost of goods sold'), 'actual', Q1))).toBe(cogs(ACTUAL).toFixed());
  });

  it('days sales, inventory and payables outstanding use the balance at the span’s end and its days', () => {
    const days = 31 + 28 + 31;
    const dso = cell(ACTUAL, 8, 2).div(revenue(ACTUAL)).times(days);
    const dio = cell(ACTUAL, 9, 2).div(cogs(ACTUAL)).times(days);
    const dpo = cell(ACTUAL, 10, 2).div(cogs(ACTUAL)).times(days);
    expect(valueOf(engine.outcome(byName('Days sales outstanding'), 'actual', Q1))).toBe(dso.toFixed());
    expect(valueOf(engine.outcome(byName('Days inventory outstanding'), 'actual', Q1))).toBe(dio.toFixed());
    expect(valueOf(engine.outcome(byName('Days payables outstanding'), 'actual', Q1))).toBe(dpo.toFixed());
    expect(valueOf(engine.outcome(byName('Cash conversion cycle'), 'actual', Q1))).toBe(dso.plus(dio).minus(dpo).toFixed());
  });

  it('customer satisfaction is the average of the months entered, and has no budget', () => {
    expect(valueOf(engine.outcome(byName('Customer satisfaction (CSAT)'), 'actual', Q1))).toBe(new Decimal('4.2').plus('4.5').plus('4.35').div(3).toFixed());
    expect(reasonOf(engine.outcome(byName('Customer satisfaction (CSAT)'), 'budget', Q1))).toContain('is entered each month, not planned');
    expect(reasonOf(engine.outcome(byName('Customer satisfaction (CSAT)'), 'actual', monthSpan(4, 4)))).toContain('No value of “Customer satisfaction (CSAT)” is entered for May 2027');
  });
});

describe('the KPI language’s names and spans', () => {
  const engine = engineOf({ budget: BUDGET, actual: ACTUAL }, []);
  // Each probe is a KPI of its own: the engine keeps a KPI's values by its id.
  let probes = 100;
  const value = (definition: string, role: 'budget' | 'actual' = 'budget', span = Q1) => engine.outcome(kpi((probes += 1), 'Probe', definition, { unit: 'money' }), role, span);

  it('an account takes the accounts under it, by code or by name', () => {
    expect(valueOf(value('account([4000])'))).toBe(revenue(BUDGET).toFixed());
    expect(valueOf(value('account([Services revenue])'))).toBe(cells(BUDGET, [2]).toFixed());
  });

  it('a department takes the departments under it', () => {
    expect(valueOf(value('dept([Commercial], opex())'))).toBe(cells(BUDGET, [4]).toFixed());
    expect(valueOf(value('dept([Plant], opex())'))).toBe(cells(BUDGET, [5, 7]).toFixed());
  });

  it('ytd, qtd, month and average measure over their own spans, ending where the span ends', () => {
    const march = monthSpan(2, 2);
    expect(valueOf(value('ytd(revenue())', 'budget', march))).toBe(revenue(BUDGET).toFixed());
    expect(valueOf(value('qtd(cogs())', 'budget', monthSpan(3, 3)))).toBe(cogs(BUDGET, 3, 3).toFixed());
    expect(valueOf(value('month([Inventory])'))).toBe('32000');
    expect(valueOf(value('average([Inventory])'))).toBe(new Decimal(93000).div(3).toFixed());
  });

  it('ttm reaches into last year’s actuals, and says so when there are none', () => {
    expect(reasonOf(value('ttm(revenue())'))).toContain('holds no actuals for last year');
    const lastYear = Object.fromEntries(LINES.map(([id]) => [id, Array.from({ length: 12 }, () => (id === 1 ? '1000' : null))]));
    const withPrior = engineOf({ budget: BUDGET }, [], { priorYear: { versionId: 9, versionName: 'Actuals FY2026', values: lastYear } });
    const ttm = withPrior.outcome(kpi(99, 'Probe', 'ttm(revenue())', { unit: 'money' }), 'budget', Q1);
    expect(valueOf(ttm)).toBe(revenue(BUDGET).plus(9 * 1000).toFixed());
  });

  it('a division by zero, a month not closed and a missing line each say why, never a zero', () => {
    expect(reasonOf(value('revenue() / capex()', 'budget', monthSpan(3, 3)))).toBe('capex() is 0 in Apr 2027 (budget): it cannot be divided by.');
    expect(reasonOf(value('revenue()', 'actual', monthSpan(0, 3)))).toBe('Actuals run through Mar 2027: Apr 2027 is not closed.');
    expect(reasonOf(value('[No such line]'))).toContain('There is no line named “No such line”');
    expect(reasonOf(value('forecast(revenue())'))).toContain('There is no forecast');
    const nothingFunded = KpiEngine.build({ calendar, views: { budget: buildSheetView(model('budget', 1, BUDGET)) }, priorYear: null, actualsThrough: 2, proposals: [], kpis: [], inputs: [] });
    expect(reasonOf(nothingFunded.outcome(byName('Return on funded investments'), 'budget', Q1))).toBe('No proposal is funded yet: fund one under Proposals and its costs and benefits count here.');
  });

  it('a line in error makes the KPI that uses it an error, naming the line', () => {
    const broken = model('budget', 1, BUDGET);
    broken.lines = broken.lines.map((line) => (line.id === 2 ? { ...line, formula: '[Field service] + 1' } : line));
    const view = buildSheetView(broken);
    const withError = engineOf({ budget: BUDGET }, []).withView('budget', view, [2]);
    const outcome = withError.outcome(kpi(99, 'Probe', 'revenue()', { unit: 'money' }), 'budget', Q1);
    expect(reasonOf(outcome)).toContain('Field service');
  });
});

describe('after an edit, KPIs follow the one model of the sheet', () => {
  it('an edited cell moves every KPI that depends on it, as a fresh computation would', () => {
    const engine = engineOf({ budget: BUDGET }, EXAMPLES);
    const margin = byName('Gross margin %');
    const before = valueOf(engine.outcome(margin, 'budget', Q1));
    const view = withCellValue(buildSheetView(model('budget', 1, BUDGET)), 3, 1, '50000');
    const edited = engine.withView('budget', view, [3]);
    const fresh = engineOf({ budget: { ...BUDGET, 3: months('40000', '50000', '48000', '48000') } }, EXAMPLES);
    expect(valueOf(edited.outcome(margin, 'budget', Q1))).not.toBe(before);
    expect(valueOf(edited.outcome(margin, 'budget', Q1))).toBe(valueOf(fresh.outcome(margin, 'budget', Q1)));
    expect(valueOf(edited.outcome(byName('Days sales outstanding'), 'budget', Q1))).toBe(valueOf(fresh.outcome(byName('Days sales outstanding'), 'budget', Q1)));
  });

  it('measures by account and department move with the edit, and the others keep their values', () => {
    const probes = [kpi(201, 'Plant COGS', 'dept([Plant], cogs())', { unit: 'money' }), kpi(202, 'Cost of sales', 'account([5000])', { unit: 'money' }), kpi(203, 'Commercial opex', 'dept([Commercial], opex())', { unit: 'money' })];
    const engine = engineOf({ budget: BUDGET }, probes);
    for (const probe of probes) engine.outcome(probe, 'budget', Q1);
    let view = buildSheetView(model('budget', 1, BUDGET));
    let edited = engine;
    for (const [month, value] of [[0, '41000.25'], [2, '47999.99'], [0, '39000.01']] as const) {
      view = withCellValue(view, 3, month, value);
      edited = edited.withView('budget', view, [3]);
    }
    const fresh = engineOf({ budget: { ...BUDGET, 3: months('39000.01', '44000', '47999.99', '48000') } }, probes);
    for (const probe of probes) expect(valueOf(edited.outcome(probe, 'budget', Q1))).toBe(valueOf(fresh.outcome(probe, 'budget', Q1)));
    const [plantCogs] = probes;
    if (plantCogs !== undefined) expect(valueOf(edited.outcome(plantCogs, 'budget', Q1))).toBe('131000');
  });
});

describe('property: KPIs equal their recomputation for any amounts', () => {
  const cents = fc.integer({ min: -2_000_000_00, max: 5_000_000_00 }).map((value) => new Decimal(value).div(100).toFixed());
  const quarter = fc.array(cents, { minLength: 3, maxLength: 3 });

  it('gross margin %, opex share and DSO, or a division-by-zero reason when revenue is 0', () => {
    fc.assert(
      fc.property(fc.record({ 1: quarter, 2: quarter, 3: quarter, 4: quarter, 5: quarter, 7: quarter, 8: quarter }), (random) => {
        const values: Values = random;
        const engine = engineOf({ actual: values }, EXAMPLES);
        const total = revenue(values);
        const margin = engine.outcome(byName('Gross margin %'), 'actual', Q1);
        const share = engine.outcome(byName('Operating expenses % of revenue'), 'actual', Q1);
        const dso = engine.outcome(byName('Days sales outstanding'), 'actual', Q1);
        if (total.isZero()) {
          expect(reasonOf(margin)).toContain('is 0 in');
          return;
        }
        expect(valueOf(margin)).toBe(total.minus(cogs(values)).div(total).toFixed());
        expect(valueOf(share)).toBe(opex(values).div(total).toFixed());
        expect(valueOf(dso)).toBe(cell(values, 8, 2).div(total).times(90).toFixed());
      }),
      { numRuns: 150 },
    );
  });
});
