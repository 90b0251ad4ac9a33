import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OverlaidMap } from '../../../../shared/sheet/patch-overlay';

describe('a map overlaid with a few changes', () => {
  it('reads like a copied Map after every derivation, in the same order, and older ones keep their entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.string()), { maxLength: 40 }),
        fc.array(fc.record({ deleted: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 5 }), set: fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.string()), { maxLength: 5 }) }), { maxLength: 40 }),
        (initial, steps) => {
          let expected = new Map(initial);
          let map: Map<number, string> = new Map(initial);
          const history: { map: Map<number, string>; expected: Map<number, string> }[] = [];
          for (const step of steps) {
            expected = new Map(expected);
            for (const key of step.deleted) expected.delete(key);
            for (const [key, value] of step.set) expected.set(key, value);
            map = OverlaidMap.over(map, step.deleted, step.set);
            history.push({ map, expected });
          }
          for (const version of history) {
            expect([...version.map]).toEqual([...version.expected]);
            expect(version.map.size).toBe(version.expected.size);
            for (let key = 0; key <= 121; key += 1) {
              expect(version.map.get(key)).toBe(version.expected.get(key));
              expect(version.map.has(key)).toBe(version.expected.has(key));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
