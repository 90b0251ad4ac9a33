import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSpans, compareVersions, figuresOf, isOverThresholds, type CompareRow } from '../../../../shared/compare/compare-versions';
import { periodsOf } from '../../../../shared/calendar/fiscal-calendar';
import type { AccountType, SheetModel } from '../../../../shared/domain/workbook';
import { Decimal } from '../../../../shared/money/decimal';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { varianceBridge } from '../../../../shared/compare/variance-bridge';
import { compareCsv } from '../../../../shared/compare/compare-csv';
import { parseCsv } from '../../../../shared/export/csv';

const TYPES: AccountType[] = ['revenue', 'cogs', 'opex', 'capex', 'driver'];
const calendar = { startYear: 2027, startMonth: 1, periodCount: 12 };

interface RandomLine {
  department: number;
  type: number;
}

/** Two versions of one chart of lines: the same lines over two departments, each with its own values. */
function modelOf(lines: readonly RandomLine[], values: readonly (string | null)[][], versionId: number, actualsThrough: number | null): SheetModel {
  return {
    workbook: { path: '/tmp/compare.tandem', name: 'Compare', currency: 'USD', revision: 0 },
    calendar,
    periods: periodsOf(calendar),
    version: { id: versionId, name: `Version ${versionId}`, kind: versionId === 1 ? 'budget' : 'actuals', status: 'draft', owner: '', basedOn: null, createdAt: '', closedThrough: null, events: [] },
    departments: [
      { id: 1, name: 'Sales', parentId: null },
      { id: 2, name: 'Plant', parentId: null },
    ],
    accounts: TYPES.map((type, index) => ({ id: index + 1, code: String(4000 + index * 1000), name: type, type, unit: type === 'driver' ? 'number' : 'currency', parentId: null })),
    lines: lines.map((line, index) => ({ id: index + 1, departmentId: line.department, accountId: line.type + 1, description: `Line ${index + 1}`, values: values[index] ?? [], formula: null })),
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

const amount = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5_000_000_00, max: 5_000_000_00 }).map((cents) => new Decimal(cents).div(100).toFixed()),
);
const months = fc.array(amount, { minLength: 12, maxLength: 12 });

/** The sum over the span of what a row adds up, recomputed from the raw cells in decimals. */
function independent(model: SheetModel, lines: readonly RandomLine[], row: CompareRow, periods: readonly number[]): Decimal | null {
  const sign = (type: AccountType) => (type === 'revenue' ? 1 : type === 'cogs' || type === 'opex' ? -1 : 0);
  const include = (line: RandomLine, index: number): number => {
    const type = TYPES[line.type] as AccountType;
    if (row.kind === 'line') return row.lineId === index + 1 ? 1 : 0;
    if (row.kind === 'total') {
      if (row.id === 'operating-income') return sign(type);
      return row.id === `total-${type}` ? 1 : 0;
    }
    const typed = /^g:d(\d+):(\w+)$/.exec(row.id);
    if (typed !== null) return Number(typed[1]) === line.department && typed[2] === type && type !== 'driver' ? 1 : 0;
    const department = /^g:d(\d+)$/.exec(row.id);
    return department !== null && Number(department[1]) === line.department ? sign(type) : 0;
  };
  let sum = new Decimal(0);
  let counted = false;
  lines.forEach((line, index) => {
    const weight = include(line, index);
    if (weight === 0) return;
    counted = true;
    for (const period of periods) sum = sum.plus(new Decimal(model.lines[index]?.values[period] ?? 0).times(weight));
  });
  // A group none of whose lines counts in it (drivers only; capital only, for a contribution) has no subtotal.
  return row.kind === 'group' && !counted ? null : sum;
}

describe('comparing two versions', () => {
  it('every base, comparison, variance and variance % agrees with a recomputation in decimals, for every row and span', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ department: fc.integer({ min: 1, max: 2 }), type: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 12 }).chain((lines) =>
          fc.tuple(fc.constant(lines), fc.array(months, { minLength: lines.length, maxLength: lines.length }), fc.array(months, { minLength: lines.length, maxLength: lines.length }), fc.integer({ min: 0, max: 11 })),
        ),
        ([lines, baseValues, otherValues, through]) => {
          const base = modelOf(lines, baseValues, 1, through);
          const other = modelOf(lines, otherValues, 2, through);
          const comparison = compareVersions(buildSheetView(base), buildSheetView(other));
          const spans = compareSpans(base);
          const all = [...spans.periods, ...(spans.yearToDate === null ? [] : [spans.yearToDate]), ...spans.years];
          for (const row of [...comparison.rows, ...comparison.totals]) {
            for (const span of all) {
              const figures = figuresOf(comparison, row, span.periods);
              const expectedBase = independent(base, lines, row, span.periods);
              const expectedOther = independent(other, lines, row, span.periods);
              expect(figures.base?.toFixed() ?? null).toBe(expectedBase?.toFixed() ?? null);
              expect(figures.comparison?.toFixed() ?? null).toBe(expectedOther?.toFixed() ?? null);
              if (expectedBase === null || expectedOther === null) continue;
              const variance = expectedOther.minus(expectedBase);
              expect(figures.variance?.toFixed()).toBe(variance.toFixed());
              expect(figures.ratio?.toFixed() ?? null).toBe(expectedBase.isZero() ? null : variance.div(expectedBase.abs()).toFixed());
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says favourable or unfavourable by the nature of the row: more revenue is good, more cost is bad', () => {
    const lines = [
      { department: 1, type: 0 },
      { department: 1, type: 2 },
    ];
    const base = modelOf(lines, [['100', ...Array(11).fill(null)], ['50', ...Array(11).fill(null)]], 1, 0);
    const other = modelOf(lines, [['120', ...Array(11).fill(null)], ['70', ...Array(11).fill(null)]], 2, 0);
    const comparison = compareVersions(buildSheetView(base), buildSheetView(other));
    const row = (id: string) => [...comparison.rows, ...comparison.totals].find((candidate) => candidate.id === id) as CompareRow;
    expect(figuresOf(comparison, row('1'), [0])).toMatchObject({ favourable: true });
    expect(figuresOf(comparison, row('2'), [0])).toMatchObject({ favourable: false });
    expect(figuresOf(comparison, row('total-opex'), [0]).favourable).toBe(false);
    // Operating income: +20 revenue, +20 cost: no change, neither.
    expect(figuresOf(comparison, row('operating-income'), [0])).toMatchObject({ favourable: null });
    expect(figuresOf(comparison, row('operating-income'), [0]).variance?.toFixed()).toBe('0');
    // Thresholds: both the amount and the percentage must be reached.
    const revenue = figuresOf(comparison, row('1'), [0]);
    expect(isOverThresholds(revenue, new Decimal(20), new Decimal(20))).toBe(true);
    expect(isOverThresholds(revenue, new Decimal(21), new Decimal(5))).toBe(false);
    expect(isOverThresholds(revenue, new Decimal(5), new Decimal(21))).toBe(false);
  });

  it('an error in either version shows in the row and every group and total that includes it, never a number', () => {
    const base = modelOf([{ department: 1, type: 2 }], [['10', ...Array(11).fill(null)]], 1, null);
    const broken = { ...base, version: { ...base.version, id: 2 }, lines: base.lines.map((line) => ({ ...line, formula: 'Nowhere * 2' })) };
    const comparison = compareVersions(buildSheetView(base), buildSheetView(broken));
    for (const row of [...comparison.rows, ...comparison.totals].filter((candidate) => candidate.id !== 'total-revenue' && candidate.id !== 'total-cogs' && candidate.id !== 'total-capex')) {
      const figures = figuresOf(comparison, row, [0]);
      expect(figures.variance, row.id).toBeNull();
      expect(figures.error, row.id).toContain('There is no line named “Nowhere”');
    }
  });
});

describe('the variance bridge', () => {
  it('goes from base to comparison operating income in steps that add up exactly, by department and by account type', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ department: fc.integer({ min: 1, max: 2 }), type: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 10 }).chain((lines) =>
          fc.tuple(fc.constant(lines), fc.array(months, { minLength: lines.length, maxLength: lines.length }), fc.array(months, { minLength: lines.length, maxLength: lines.length })),
        ),
        ([lines, baseValues, otherValues]) => {
          const comparison = compareVersions(buildSheetView(modelOf(lines, baseValues, 1, null)), buildSheetView(modelOf(lines, otherValues, 2, null)));
          const all = Array.from({ length: 12 }, (_unused, period) => period);
          for (const by of ['department', 'type'] as const) {
            const bridge = varianceBridge(comparison, all, by);
            expect(bridge.error).toBeNull();
            const walked = bridge.steps.reduce((sum, step) => sum.plus(step.change), bridge.start);
            expect(walked.toFixed()).toBe(bridge.end.toFixed());
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('a comparison as CSV', () => {
  it('writes every row with its exact figures per span, reading back to the model’s', () => {
    const lines = [
      { department: 1, type: 0 },
      { department: 2, type: 2 },
    ];
    const base = modelOf(lines, [['1000.10', ...Array(11).fill('5')], ['=cmd', ...Array(11).fill(null)]], 1, 2);
    const named = { ...base, lines: base.lines.map((line, index) => (index === 1 ? { ...line, description: '=HYPERLINK("x")', values: ['20', ...Array(11).fill(null)] } : line)) };
    const other = modelOf(lines, [['999.99', ...Array(11).fill('5')], ['25', ...Array(11).fill(null)]], 2, 2);
    const comparison = compareVersions(buildSheetView(named), buildSheetView(other));
    const spans = compareSpans(named);
    const shown = [spans.periods[0], spans.yearToDate, ...spans.years].filter((span) => span !== undefined && span !== null);
    const records = parseCsv(compareCsv(comparison, shown), ',');
    expect(records[0]?.slice(0, 9)).toEqual(['Row', 'Department', 'Account', 'Line', 'Jan 2027 Version 1', 'Jan 2027 Version 2', 'Jan 2027 variance', 'Jan 2027 variance ratio', 'Jan 2027 F/U']);
    expect(records).toHaveLength(1 + comparison.rows.length + comparison.totals.length);
    const cost = records.find((record) => record[3]?.includes('HYPERLINK'));
    // Text a spreadsheet would run is neutralised; figures are exact.
    expect(cost?.[3]).toBe("'=HYPERLINK(\"x\")");
    expect(cost?.slice(4, 9)).toEqual(['20', '25', '5', '0.25', 'U']);
    const income = records.find((record) => record[3] === 'Operating income');
    const figures = figuresOf(comparison, comparison.totals.find((row) => row.id === 'operating-income') as CompareRow, spans.years[0]?.periods ?? []);
    expect(income?.slice(-5, -1)).toEqual([figures.base?.toFixed(), figures.comparison?.toFixed(), figures.variance?.toFixed(), figures.ratio?.toDecimalPlaces(6).toFixed()]);
  });
});
