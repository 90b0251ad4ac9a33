import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldThreshold, LayeredMap } from '../../../../shared/engine/layered-map';

describe('layered map', () => {
  it('reads like a copied Map after every derivation, and every older version keeps its own entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.string()), { maxLength: 20 }),
        // Batches of changes over up to 200 keys: enough to pass the fold threshold (32) several times.
        fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.string()), { maxLength: 40 }), { maxLength: 30 }),
        (initial, batches) => {
          let expected = new Map(initial);
          let map = LayeredMap.over(new Map(initial));
          const history: { map: LayeredMap<number, string>; expected: Map<number, string> }[] = [{ map, expected }];
          for (const batch of batches) {
            expected = new Map(expected);
            for (const [key, value] of batch) expected.set(key, value);
            map = map.withEntries(batch);
            history.push({ map, expected });
          }
          for (const version of history) {
            expect([...version.map]).toEqual([...version.expected]);
            expect(version.map.size).toBe(version.expected.size);
            for (let key = 0; key <= 201; key += 1) {
              expect(version.map.get(key)).toBe(version.expected.get(key));
              expect(version.map.has(key)).toBe(version.expected.has(key));
            }
          }
        },
      ),
    );
  });

  it('serves keys, values and forEach in Map order', () => {
    const map = LayeredMap.over(new Map([[1, 'a'], [2, 'b']])).withEntries([[3, 'c'], [1, 'z']]);
    expect([...map.keys()]).toEqual([1, 2, 3]);
    expect([...map.values()]).toEqual(['z', 'b', 'c']);
    const seen: [number, string][] = [];
    map.forEach((value, key) => seen.push([key, value]));
    expect(seen).toEqual([[1, 'z'], [2, 'b'], [3, 'c']]);
  });

  it('keeps the layer bounded: a long run of single changes never holds more than the fold threshold over the base', () => {
    const size = 10_000;
    let map = LayeredMap.over(new Map(Array.from({ length: size }, (_, key): [number, number] => [key, 0])));
    let largestLayer = 0;
    for (let edit = 0; edit < 2_000; edit += 1) {
      map = map.withEntries([[(edit * 7919) % size, edit]]);
      largestLayer = Math.max(largestLayer, map.layerSize);
    }
    expect(largestLayer).toBeGreaterThan(0);
    expect(largestLayer).toBeLessThanOrEqual(foldThreshold(size));
    expect(map.get((1_999 * 7919) % size)).toBe(1_999);
    expect(map.size).toBe(size);
  });
});

