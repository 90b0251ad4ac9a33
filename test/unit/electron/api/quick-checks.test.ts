import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUICK_CHECKS } from '../../../../electron/api/quick-checks';
import { sheetMethods } from '../../../../shared/api/sheet-api';

const quickSetCellRuns = QUICK_CHECKS.get('sheet/set-cell-runs');
const schema = sheetMethods['sheet/set-cell-runs'].input;

/** Amounts canonical and not: the schema's refine decides which. */
const amount = fc.oneof(fc.constantFrom('0', '1250.5', '-300', '0.000001', '1.10', '-0', '01', '1e3', ' 1', '', 'x'), fc.integer().map(String), fc.double({ noNaN: true }).map(String));
const cellValue = fc.oneof(amount, fc.constant(null), fc.constant(7), fc.constant(undefined));
const id = fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(2 ** 60), fc.constant(1.5), fc.constant('3'));
const run = fc.oneof(
  fc.record({ lineId: id, period: id, values: fc.array(cellValue, { maxLength: 14 }) }),
  fc.record({ lineId: id, period: id, values: fc.array(cellValue, { maxLength: 3 }), extra: fc.constant(1) }),
  fc.record({ lineId: id, values: fc.array(cellValue, { maxLength: 3 }) }),
  fc.constant(null),
);
/** Mostly well-formed runs, so that many inputs pass and the outputs are compared. */
const goodRun = fc.record({ lineId: fc.integer({ min: 1, max: 9 }), period: fc.integer({ min: 0, max: 40 }), values: fc.array(fc.oneof(fc.constantFrom('0', '1250.5', '-300', '0.000001', null), amount), { minLength: 1, maxLength: 4 }) });
const input = fc.oneof(
  fc.record({ versionId: fc.integer({ min: 1, max: 3 }), runs: fc.array(goodRun, { maxLength: 4 }), label: fc.constantFrom('paste', '  paste 12 cells  ', ' ', 'x'.repeat(121), ` ${'y'.repeat(120)} `) }),
  fc.record({ versionId: id, runs: fc.array(run, { maxLength: 6 }), label: fc.oneof(fc.string({ maxLength: 130 }), fc.constant('  paste 12 cells  '), fc.constant(3)) }),
  fc.record({ versionId: id, runs: fc.array(run, { maxLength: 3 }), label: fc.constant('paste'), more: fc.constant(true) }),
  fc.constantFrom(null, [], 'runs', 5),
);

describe('the quick check of sheet/set-cell-runs', () => {
  it('accepts only what the schema accepts, and gives what the schema gives', () => {
    let accepted = 0;
    fc.assert(
      fc.property(input, (generated) => {
        // As generated (the Electron bridge clones objects) and as the browser host reads it from JSON.
        const json = JSON.stringify(generated);
        for (const candidate of [generated, json === undefined ? generated : (JSON.parse(json) as unknown)]) {
          const quick = quickSetCellRuns?.(candidate) ?? null;
          const parsed = schema.safeParse(candidate);
          if (quick !== null) {
            accepted += 1;
            expect(parsed.success).toBe(true);
            expect(quick).toEqual(parsed.data);
          }
        }
      }),
      { numRuns: 3000 },
    );
    // The property is not vacuous: some inputs take the quick path.
    expect(accepted).toBeGreaterThan(10);
  });

  it('vouches for a 1,000 x 12 paste as the schema parses it, the label trimmed', () => {
    const paste = { versionId: 3, runs: Array.from({ length: 1000 }, (_row, row) => ({ lineId: row + 1, period: 0, values: Array.from({ length: 12 }, (_cell, month) => (month === 5 ? null : `${row}.${month}5`)) })), label: ' paste 12,000 cells ' };
    const parsed = schema.safeParse(paste);
    expect(parsed.success).toBe(true);
    expect(quickSetCellRuns?.(paste)).toEqual(parsed.data);
  });

  it('leaves a refused input to the schema', () => {
    const tooFine = { versionId: 1, runs: [{ lineId: 1, period: 0, values: ['1.50'] }], label: 'paste' };
    expect(quickSetCellRuns?.(tooFine)).toBeNull();
    expect(schema.safeParse(tooFine).success).toBe(false);
  });
});
