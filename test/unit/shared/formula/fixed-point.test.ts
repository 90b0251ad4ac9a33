import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaNode } from '../../../../shared/formula/ast';
import { FormulaEngine, type EngineLine } from '../../../../shared/formula/formula-engine';
import { addFixed, fixedText, multiplyFixed, parseFixed, roundFixed } from '../../../../shared/formula/fixed-point';
import { printFormula } from '../../../../shared/formula/print-formula';
import { Decimal } from '../../../../shared/money/decimal';

/** Amounts as the sheet stores them: cents, drivers' six decimals, some with more digits than the integer path takes. */
const amount = fc.oneof(
  fc.integer({ min: -99_999_999, max: 99_999_999 }).map((cents) => new Decimal(cents).div(100).toString()),
  fc.integer({ min: -9_999_999, max: 9_999_999 }).map((millionths) => new Decimal(millionths).div(1_000_000).toString()),
  fc.constantFrom('0', '-0.5', '0.5', '1.5', '2.5', '999999999999999', '9999999999999999', '123456789012345678', '-999999999999999999.99'),
);

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F'];
const constant = fc.constantFrom('0', '1', '2', '12', '1.5', '.25', '8500', '0.015', '3.14159', '100000000', '99999999999', '0.000001');

/** Formula trees over the lines above: every operator and function, prev() included, with a node budget. */
const formula: fc.Arbitrary<FormulaNode> = fc.letrec<{ node: FormulaNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    constant.map((text): FormulaNode => ({ kind: 'number', text })),
    fc.constantFrom(...NAMES).map((name): FormulaNode => ({ kind: 'reference', name })),
    fc.constantFrom<FormulaNode>({ kind: 'call', name: 'prev', args: [] }, { kind: 'call', name: 'period', args: [] }, { kind: 'call', name: 'prev', args: [{ kind: 'reference', name: 'A' }] }),
    tie('node').map((operand): FormulaNode => ({ kind: 'percent', operand })),
    tie('node').map((operand): FormulaNode => ({ kind: 'negate', operand })),
    fc.record({ kind: fc.constant('binary' as const), operator: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), left: tie('node'), right: tie('node') }),
    fc.record({ kind: fc.constant('compare' as const), operator: fc.constantFrom('=' as const, '<>' as const, '<' as const, '<=' as const, '>' as const, '>=' as const), left: tie('node'), right: tie('node') }),
    fc.record({ kind: fc.constant('call' as const), name: fc.constantFrom('sum', 'min', 'max', 'abs', 'round', 'if'), args: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
  ),
})).node;

const PERIODS = 4;

/** Six lines: each either entered amounts or a formula over the others (cycles and errors included). */
const sheet = fc.array(fc.oneof(fc.array(fc.option(amount), { minLength: PERIODS, maxLength: PERIODS }), formula.map(printFormula)), { minLength: NAMES.length, maxLength: NAMES.length }).chain((contents) =>
  fc.array(fc.boolean(), { minLength: NAMES.length, maxLength: NAMES.length }).map((quantities) =>
    contents.map(
      (content, index): EngineLine => ({
        id: index + 1,
        name: NAMES[index] ?? '?',
        values: typeof content === 'string' ? new Array<null>(PERIODS).fill(null) : content,
        formula: typeof content === 'string' ? content : null,
        quantity: quantities[index] ?? false,
      }),
    ),
  ),
);

/** Every outcome, or the error decimal.js threw (round() with digits that are not whole). */
function outcomes(lines: readonly EngineLine[], integerPath: boolean): unknown {
  try {
    const engine = new FormulaEngine(lines, PERIODS, integerPath);
    const edited = lines.map((line) => (line.formula === null ? { ...line, values: line.values.map((value) => (value === null ? '7.5' : value)) } : line));
    return [engine.allOutcomes(), engine.valuesChanged(edited)];
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('the formula engine’s exact integer path', () => {
  it('gives the very values, errors and messages decimal.js gives, at open and after edits', () => {
    fc.assert(
      fc.property(sheet, (lines) => {
        expect(outcomes(lines, true)).toEqual(outcomes(lines, false));
      }),
      { numRuns: 3000 },
    );
  });

  it('adds, multiplies, rounds half-even and prints as decimal.js does, or declines', () => {
    const cases = fc.tuple(amount, amount, fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(cases, ([a, b, decimals]) => {
        const left = parseFixed(a);
        const right = parseFixed(b);
        if (left === null || right === null) return;
        const checks: [ReturnType<typeof addFixed>, Decimal][] = [
          [addFixed(left, right, 1), new Decimal(a).plus(b)],
          [addFixed(left, right, -1), new Decimal(a).minus(b)],
          [multiplyFixed(left, right), new Decimal(a).times(b)],
        ];
        for (const [fixed, decimal] of checks) {
          if (fixed === null) continue;
          const rounded = decimal.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN);
          expect(fixedText(roundFixed(fixed, decimals))).toBe(rounded.isZero() ? '0' : rounded.toString());
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('declines numbers it cannot hold exactly', () => {
    expect(parseFixed('9999999999999999')).toBeNull();
    expect(parseFixed('1e5')).toBeNull();
    expect(parseFixed('1.2.3')).toBeNull();
    expect(parseFixed('-')).toBeNull();
    expect(multiplyFixed({ units: 99_999_999_999, scale: 0 }, { units: 999_999, scale: 0 })).toBeNull();
    expect(fixedText(roundFixed({ units: -25, scale: 1 }, 0))).toBe('-2');
    expect(fixedText(roundFixed({ units: 35, scale: 1 }, 0))).toBe('4');
  });
});
