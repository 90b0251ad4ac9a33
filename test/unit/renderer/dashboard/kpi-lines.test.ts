import { describe, expect, it } from 'vitest';
import { monthSpan } from '../../../../shared/kpi/kpi-spans';
import { Decimal } from '../../../../shared/money/decimal';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { linesBehind } from '../../../../renderer/dashboard/kpi-lines';
import { kpi, model, type Values } from '../../shared/kpi/kpi-fixture';

const months = (...values: (string | null)[]) => values;
const VALUES: Values = {
  1: months('100000', '110000', '120000'),
  2: months('20000', '20000', '25000'),
  3: months('40000', '44000', '48000'),
  4: months('15000', '15000', '15000'),
  5: months('10000', '10000', '10000'),
  6: months('40000', '40000', '40000'),
  7: months('500', '500', '500'),
  8: months('90000', '95000', '99000'),
};
const view = buildSheetView(model('budget', 1, VALUES));
const Q1 = monthSpan(0, 2);
const funded = new Set([11]);
const names = (definition: string | null, span = Q1, limit = 8, others = [] as ReturnType<typeof kpi>[]) =>
  linesBehind(kpi(1, 'Probe', definition), others, view, span, funded, limit).lines.map((line) => line.description);

describe('the lines behind a KPI', () => {
  it('are the lines of the totals it reads, biggest first, with what each holds over the span', () => {
    const behind = linesBehind(kpi(1, 'Gross margin %', '(revenue() - cogs()) / revenue()'), [], view, Q1, funded);
    expect(behind.lines.map((line) => line.description)).toEqual(['Sensor kits', 'Materials', 'Field service']);
    expect(behind.lines[0]?.value.toFixed()).toBe(new Decimal(330000).toFixed());
    expect(behind.lines[0]?.period).toBe(0);
  });

  it('follow lines, accounts with the accounts under them, and departments with those under them', () => {
    expect(names('[Sales salaries] / revenue()')).toEqual(['Sensor kits', 'Field service', 'Sales salaries']);
    expect(names('account([4000])')).toEqual(['Sensor kits', 'Field service']);
    expect(names('dept([Commercial], opex())')).toEqual(['Sales salaries']);
    expect(names('dept([Plant], opex() + cogs())')).toEqual(['Materials', 'Plant salaries', 'Press line upkeep']);
  });

  it('read a balance at the span’s end, and open it there', () => {
    const behind = linesBehind(kpi(1, 'DSO', 'month([Accounts receivable]) / revenue() * days()'), [], view, Q1, funded).lines;
    expect(behind.map((line) => line.description)).toEqual(['Sensor kits', 'Accounts receivable', 'Field service']);
    const receivables = behind[1];
    expect(receivables?.value.toFixed()).toBe('99000');
    expect(receivables?.period).toBe(2);
  });

  it('follow the KPIs a definition uses, each once', () => {
    const margin = kpi(2, 'Margin', 'revenue() - cogs()');
    const loop = kpi(3, 'Loop', 'kpi([Probe]) + kpi([Margin])');
    expect(names('kpi([Margin]) * 2', Q1, 8, [margin, loop])).toEqual(['Sensor kits', 'Materials', 'Field service']);
    expect(names('kpi([Loop])', Q1, 8, [margin, loop])).toEqual(['Sensor kits', 'Materials', 'Field service']);
  });

  it('take the funded proposals’ lines for their capital and operating costs', () => {
    expect(names('funded(capital)')).toEqual(['Press line']);
    expect(names('funded(opex)')).toEqual(['Press line upkeep']);
    expect(names('funded(benefit) / days()')).toEqual([]);
  });

  it('are none for an input KPI, or a definition that does not read', () => {
    expect(names(null)).toEqual([]);
    expect(names('revenue( +')).toEqual([]);
  });

  it('say how many more there are past the limit', () => {
    const behind = linesBehind(kpi(1, 'All', 'revenue() + cogs() + opex()'), [], view, Q1, funded, 2);
    expect(behind.lines).toHaveLength(2);
    expect(behind.more).toBe(4);
  });
});
