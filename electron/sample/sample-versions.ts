import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import { FormulaEngine } from '../../shared/formula/formula-engine';
import { toAmountText, type AmountText } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import type { WorkbookSeed } from '../store/workbook-seed';
import { seededRandom } from './seeded-random';

/** Month-end balances: amounts on a driver account (so no total adds them up) that move with the year as money does, not copied as planned like headcount. */
const BALANCES: ReadonlySet<string> = new Set(['Accounts receivable', 'Inventory', 'Accounts payable']);

/** How the sample year went, by line: a factor per month (1 = as planned). */
type Deviation = (line: { description: string; type: string }, month: number) => number;

/**
 * The sample company's year so far, with believable surprises: the OEM modules launched two
 * months late, a hiring freeze from April left salaries under plan, and a supplier raised
 * component prices from March.
 */
const HOW_THE_YEAR_WENT: Deviation = (line, month) => {
  if (line.description === 'OEM modules') return month < 2 ? 0.15 : month < 4 ? 0.7 : 0.96;
  if (line.description.startsWith('Partner co-marketing')) return month < 2 ? 0.2 : 0.9;
  if (line.type === 'opex' && /\(\d+ FTE\)|salaries|Benefits/.test(line.description)) return month >= 3 ? 0.93 : 1;
  if (line.description === 'Sensor components' || line.description === 'Enclosures & packaging') return month >= 2 ? 1.07 : 1;
  if (line.description === 'Inbound freight') return 1.12;
  if (line.type === 'capex') return month === 5 ? 1.04 : 1;
  // OEM customers paid later from the spring, buffer stock was built against the supplier's price rise, and the supplier shortened its terms.
  if (line.description === 'Accounts receivable') return month >= 3 ? 1.14 : 1.02;
  if (line.description === 'Inventory') return month >= 2 ? 1.09 : 1;
  if (line.description === 'Accounts payable') return month >= 2 ? 0.94 : 1;
  return 1;
};

/** What the Q3 forecast expects of the months still to come, against the budget. */
const Q3_OUTLOOK: Deviation = (line) => {
  if (line.description === 'OEM modules') return 0.95;
  if (line.description === 'Sensor components' || line.description === 'Enclosures & packaging') return 1.07;
  if (line.type === 'opex' && /\(\d+ FTE\)|salaries|Benefits/.test(line.description)) return 0.95;
  if (line.description === 'Accounts receivable') return 1.08;
  if (line.description === 'Inventory') return 1.05;
  if (line.description === 'Accounts payable') return 0.96;
  return 1;
};

/**
 * The plan year's other versions for the sample: actuals for the closed months, a forecast that
 * rolls from them (actual months, then the outlook), and a "Revenue −10%" scenario. Formula
 * lines of the actuals hold what their formula gave on the budget, with the year's deviations:
 * actuals are recorded amounts.
 */
export function sampleVersions(seed: Pick<WorkbookSeed, 'lines' | 'accounts' | 'versionName'>, calendar: FiscalCalendar, closedMonths: number): NonNullable<WorkbookSeed['versions']> {
  const typeOf = new Map(seed.accounts.map((account) => [account.code, account]));
  const engine = new FormulaEngine(
    seed.lines.map((line, index) => ({ id: index + 1, name: line.description, values: line.values, formula: line.formula ?? null, quantity: typeOf.get(line.accountCode)?.type === 'driver' })),
    calendar.periodCount,
  );
  const planned = seed.lines.map((line, index) => engine.outcome(index + 1)?.values ?? line.values);
  const random = seededRandom(20270930);
  const describe = (index: number) => {
    const line = seed.lines[index];
    const description = line?.description ?? '';
    return { description, type: typeOf.get(line?.accountCode ?? '')?.type ?? 'opex', quantity: typeOf.get(line?.accountCode ?? '')?.type === 'driver' && !BALANCES.has(description) };
  };
  const actuals = planned.map((values, index) => {
    const line = describe(index);
    return values.map((value, month) => {
      if (month >= closedMonths || value === null) return null;
      if (line.quantity) return value;
      // Noise of up to ±3%, in whole basis points, on top of the year's story.
      const noise = new Decimal(10000 + Math.round((random() - 0.5) * 600)).div(10000);
      return toAmountText(new Decimal(value).times(String(HOW_THE_YEAR_WENT(line, month))).times(noise));
    });
  });
  const forecast = planned.map((values, index) => {
    const line = describe(index);
    return values.map((value, month) => {
      if (month < closedMonths) return actuals[index]?.[month] ?? null;
      if (value === null || line.quantity || seed.lines[index]?.formula) return value;
      return toAmountText(new Decimal(value).times(String(Q3_OUTLOOK(line, month))));
    });
  });
  const scenario = seed.lines.map((line) =>
    typeOf.get(line.accountCode)?.type === 'revenue' ? line.values.map((value) => (value === null ? null : toAmountText(new Decimal(value).times('0.9').toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN)))) : line.values,
  );
  const linesOf = (valuesByLine: (AmountText | null)[][]) => seed.lines.map((line, index) => ({ description: line.description, values: valuesByLine[index] ?? [] }));
  return [
    { name: 'Actuals FY2027', kind: 'actuals', lines: linesOf(actuals) },
    { name: 'Q3 forecast', kind: 'forecast', basedOn: seed.versionName, lines: linesOf(forecast) },
    { name: 'Revenue −10%', kind: 'scenario', basedOn: seed.versionName, lines: linesOf(scenario) },
  ];
}
