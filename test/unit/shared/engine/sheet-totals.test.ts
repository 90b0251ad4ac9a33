import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountType, BudgetLine } from '../../../../shared/domain/workbook';
import { applyCellChange, computeSheetTotals, type SheetTotals } from '../../../../shared/engine/sheet-totals';
import { amountOf, isCanonicalAmount } from '../../../../shared/money/amount';
import { centsToText } from '../../../helpers/cents';

const TYPES: AccountType[] = ['revenue', 'cogs', 'opex', 'capex', 'driver'];

function line(id: number, values: (string | null)[]): BudgetLine {
  return { id, departmentId: 1, accountId: id, description: `line ${id}`, values, formula: null };
}

function snapshot(totals: SheetTotals) {
  const row = (r: { periods: { toString(): string }[]; year: { toString(): string } }) => ({ periods: r.periods.map(String), year: String(r.year) });
  return {
    lineYear: [...totals.lineYear.entries()].map(([id, value]) => [id, value.toString()]),
    revenue: row(totals.byType.revenue),
    cogs: row(totals.byType.cogs),
    opex: row(totals.byType.opex),
    capex: row(totals.byType.capex),
    operatingIncome: row(totals.operatingIncome),
  };
}

describe('sheet totals', () => {
  it('adds cents exactly: ten times 0.10 is 1.00, not 0.9999…', () => {
    const lines = [line(1, Array.from({ length: 10 }, () => '0.1'))];
    const totals = computeSheetTotals(lines, () => 'opex', 10);
    expect(totals.lineYear.get(1)?.toString()).toBe('1');
    expect(totals.byType.opex.year.toString()).toBe('1');
  });

  it('totals by account type and derives operating income; capex and drivers stay out of it', () => {
    const types: Record<number, AccountType> = { 1: 'revenue', 2: 'cogs', 3: 'opex', 4: 'capex', 5: 'driver' };
    const lines = [line(1, ['1000', '1000']), line(2, ['400', null]), line(3, ['250.25', '100']), line(4, ['5000', null]), line(5, ['12', '12'])];
    const totals = computeSheetTotals(lines, (l) => types[l.id] ?? 'driver', 2);
    expect(totals.byType.revenue.periods.map(String)).toEqual(['1000', '1000']);
    expect(totals.operatingIncome.periods.map(String)).toEqual(['349.75', '900']);
    expect(totals.operatingIncome.year.toString()).toBe('1249.75');
    expect(totals.byType.capex.year.toString()).toBe('5000');
  });

  it('stays exact when sums leave the safe-integer range of cents', () => {
    // Twelve months of 999,999,999,999,999 cents pass 2^53 cents; 18-digit amounts are added as Decimal.
    const lines = [line(1, Array.from({ length: 12 }, () => '9999999999999.99')), line(2, ['99999999999999.99', '-0.01', ...Array.from({ length: 10 }, () => null)])];
    const totals = computeSheetTotals(lines, () => 'revenue', 12);
    const oracle = (values: readonly (string | null)[]) => values.reduce((sum, value) => sum.plus(amountOf(value)), amountOf(null)).toString();
    expect(totals.lineYear.get(1)?.toString()).toBe('119999999999999.88');
    expect(totals.lineYear.get(2)?.toString()).toBe('99999999999999.98');
    expect(totals.byType.revenue.year.toString()).toBe(oracle(lines.flatMap((l) => l.values)));
    expect(totals.byType.revenue.periods.map(String).slice(0, 3)).toEqual(['109999999999999.98', '9999999999999.98', '9999999999999.99']);
  });

  it('builds canonical amounts from cents for these tests', () => {
    expect([centsToText(-5n), centsToText(100n), centsToText(-123450n), centsToText(7n)]).toEqual(['-0.05', '1', '-1234.5', '0.07']);
    expect([-5n, 100n, -123450n, 0n].map(centsToText).every(isCanonicalAmount)).toBe(true);
  });

  it('an edit leaves the earlier totals as they were, line totals included, across many edits', () => {
    // 100 edits on 100 lines pass the layered line-total map's fold threshold, so older totals
    // must survive both a derivation over a shared base and a fold into a new one.
    const lines = Array.from({ length: 100 }, (_, index) => line(index + 1, ['10', null]));
    const versions = [computeSheetTotals(lines, () => 'revenue', 2)];
    const expected = [snapshot(versions[0] as SheetTotals)];
    for (let edit = 0; edit < 100; edit += 1) {
      const target = lines[(edit * 37) % lines.length] as BudgetLine;
      const before = target.values[1] ?? null;
      const after = centsToText(BigInt(edit + 1) * 101n);
      target.values[1] = after;
      const next = applyCellChange(versions[versions.length - 1] as SheetTotals, { lineId: target.id, type: 'revenue', period: 1, before, after });
      versions.push(next);
      expected.push(snapshot(computeSheetTotals(lines, () => 'revenue', 2)));
    }
    expect(versions.map(snapshot)).toEqual(expected);
    expect(versions[0]?.lineYear.get(1)?.toString()).toBe('10');
  });

  it('an edit applied incrementally gives the same totals as recomputing everything', () => {
    const amountArb = fc.oneof(
      fc.constant(null),
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(centsToText),
      // 18-digit amounts: past what the engine adds as whole cents, so the Decimal side is exercised.
      fc.bigInt({ min: -(10n ** 20n) + 1n, max: 10n ** 20n - 1n }).map(centsToText),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.array(amountArb, { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 2 }), amountArb), { maxLength: 20 }),
        (lineSpecs, edits) => {
          const lines = lineSpecs.map(([, values], index) => line(index + 1, values));
          const typeOf = (l: BudgetLine) => lineSpecs[l.id - 1]?.[0] ?? 'driver';
          let totals = computeSheetTotals(lines, typeOf, 3);
          for (const [which, period, value] of edits) {
            const target = lines[which % lines.length];
            if (target === undefined) continue;
            const before = target.values[period] ?? null;
            target.values[period] = value;
            totals = applyCellChange(totals, { lineId: target.id, type: typeOf(target), period, before, after: value });
          }
          expect(snapshot(totals)).toEqual(snapshot(computeSheetTotals(lines, typeOf, 3)));
        },
      ),
    );
  });
});
