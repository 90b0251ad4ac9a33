import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayShift, shiftOf, ShiftedIndex, SplicedPositions } from '../../../../shared/sheet/patch-positions';

/** A row of the array: a line (number key, in the line index) or a group (text key, in the group index). */
type Row = number | string;

const indexOf = <K extends Row>(rows: readonly Row[], isKey: (row: Row) => row is K): Map<K, number> => {
  const index = new Map<K, number>();
  rows.forEach((row, position) => {
    if (isKey(row)) index.set(row, position);
  });
  return index;
};
const isLine = (row: Row): row is number => typeof row === 'number';
const isGroup = (row: Row): row is string => typeof row === 'string';

/** One step: rows leaving (picked by number), then rows arriving (a key, reused when it left before, and where it goes). */
const stepArbitrary = fc.record({
  leaving: fc.array(fc.nat(), { maxLength: 4 }),
  arriving: fc.array(fc.record({ key: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5')), at: fc.nat() }), { maxLength: 4 }),
});

describe('positions carried over a shift instead of rebuilt', () => {
  it('after every step, both indexes over the array read like maps built from it, through folds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.array(stepArbitrary, { maxLength: 25 }), fc.integer({ min: 2, max: 30 }), (length, steps, limit) => {
        let rows: Row[] = Array.from({ length }, (_, position) => (position % 5 === 0 ? `g${position}` : position + 100));
        let lines: Map<number, number> = indexOf(rows, isLine);
        let groups: Map<string, number> = indexOf(rows, isGroup);
        for (const step of steps) {
          const leavingPositions = [...new Set(step.leaving.flatMap((pick) => (rows.length === 0 ? [] : [pick % rows.length])))];
          const leavingRows = new Set(leavingPositions.flatMap((position) => rows[position] ?? []));
          const next = rows.filter((_, position) => !leavingPositions.includes(position));
          // Arriving rows take keys not in the array (a new row, or one that left: moved or undone).
          const arrivedAt = new Map<Row, number>();
          for (const { key, at } of step.arriving) {
            if (next.includes(key)) continue;
            const position = at % (next.length + 1);
            next.splice(position, 0, key);
            for (const [row, was] of arrivedAt) if (was >= position) arrivedAt.set(row, was + 1);
            arrivedAt.set(key, position);
          }
          const shifted = shiftOf(lines).then(leavingPositions, [...arrivedAt.values()], limit);
          expect(shiftOf(lines)).toBe(shiftOf(groups));
          if (shifted === null) {
            lines = indexOf(next, isLine);
            groups = indexOf(next, isGroup);
          } else {
            const arrived = [...arrivedAt];
            lines = ShiftedIndex.after(lines, shifted, new Set([...leavingRows].filter(isLine)), new Map(arrived.filter((entry): entry is [number, number] => isLine(entry[0]))));
            groups = ShiftedIndex.after(groups, shifted, new Set([...leavingRows].filter(isGroup)), new Map(arrived.filter((entry): entry is [string, number] => isGroup(entry[0]))));
          }
          rows = next;
          const expectedLines = indexOf(rows, isLine);
          const expectedGroups = indexOf(rows, isGroup);
          expect([...lines]).toEqual([...expectedLines]);
          expect([...groups]).toEqual([...expectedGroups]);
          expect(lines.size).toBe(expectedLines.size);
          expect(groups.size).toBe(expectedGroups.size);
          for (let key = 0; key <= 200; key += 1) expect(lines.get(key)).toBe(expectedLines.get(key));
          for (let key = 0; key <= 45; key += 1) expect(groups.get(`g${key}`)).toBe(expectedGroups.get(`g${key}`));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a new row in the middle moves only the rows after it, and the base map is left as it was', () => {
    const base = new Map([[10, 0], [11, 1], [12, 2], [13, 3]]);
    const step = ArrayShift.NONE.then([], [2], 10);
    if (step === null) throw new Error('a one-row step fits');
    const index = ShiftedIndex.after(base, step, new Set(), new Map([[99, 2]]));
    expect([...index]).toEqual([[10, 0], [11, 1], [99, 2], [12, 3], [13, 4]]);
    expect([...base]).toEqual([[10, 0], [11, 1], [12, 2], [13, 3]]);
    expect(() => index.set()).toThrow(/read-only/);
  });

  it('a step heavier than the limit answers null: the caller builds plain maps again', () => {
    expect(ArrayShift.NONE.then([0, 1], [0], 2)).toBeNull();
  });
});

describe('positions while rows leave and arrive one by one', () => {
  it('every row is where splicing the array puts it, after each row put in', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (length, leavingPicks, insertPicks) => {
        const rows = Array.from({ length }, (_, position) => position + 100);
        const leaving = new Set(leavingPicks.flatMap((pick) => (length === 0 ? [] : [(pick % length) + 100])));
        const positions = new SplicedPositions(new Map(rows.map((key, position) => [key, position])), leaving);
        const array = rows.filter((key) => !leaving.has(key));
        insertPicks.forEach((pick, index) => {
          const at = pick % (array.length + 1);
          array.splice(at, 0, index);
          positions.insert(at, index);
          for (const key of [...rows, ...insertPicks.keys()]) expect(positions.positionOf(key)).toBe(array.includes(key) ? array.indexOf(key) : undefined);
        });
        const step = positions.step(1000);
        if (step === null) throw new Error('within the limit');
        expect([...ShiftedIndex.after(new Map(rows.map((key, position) => [key, position])), step, leaving, positions.arrived)]).toEqual(array.map((key, position) => [key, position]));
      }),
      { numRuns: 300 },
    );
  });
});
