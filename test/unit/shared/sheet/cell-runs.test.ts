import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CellEdit } from '../../../../shared/domain/cell-edit';
import { cellsInRuns, packCellRuns, placeInRuns, unpackCellRuns } from '../../../../shared/sheet/cell-runs';

describe('cell runs', () => {
  it('packs a block of lines into one run per line and back', () => {
    const edits: CellEdit[] = [
      { lineId: 7, period: 2, value: '1' },
      { lineId: 7, period: 3, value: null },
      { lineId: 7, period: 4, value: '3.5' },
      { lineId: 9, period: 2, value: '-4' },
      { lineId: 9, period: 3, value: '5' },
    ];
    const runs = packCellRuns(edits);
    expect(runs).toEqual([
      { lineId: 7, period: 2, values: ['1', null, '3.5'] },
      { lineId: 9, period: 2, values: ['-4', '5'] },
    ]);
    expect(cellsInRuns(runs)).toBe(5);
    expect(unpackCellRuns(runs)).toEqual(edits);
  });

  it('starts a new run at a gap, a month out of order or another line', () => {
    const edits: CellEdit[] = [
      { lineId: 1, period: 0, value: '1' },
      { lineId: 1, period: 2, value: '2' },
      { lineId: 1, period: 1, value: '3' },
      { lineId: 2, period: 2, value: '4' },
      { lineId: 1, period: 3, value: '5' },
    ];
    expect(packCellRuns(edits)).toHaveLength(5);
    expect(unpackCellRuns(packCellRuns(edits))).toEqual(edits);
  });

  it('gives back any list of edits as it was, in its order', () => {
    const edit = fc.record({ lineId: fc.integer({ min: 1, max: 4 }), period: fc.integer({ min: 0, max: 5 }), value: fc.option(fc.constantFrom('0', '1.25', '-3'), { nil: null }) });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const runs = packCellRuns(edits);
        expect(cellsInRuns(runs)).toBe(edits.length);
        expect(unpackCellRuns(runs)).toEqual(edits);
      }),
    );
  });

  it('names an unpacked edit\'s place as the cell of the run it came from', () => {
    const runs = [
      { lineId: 1, period: 0, values: ['1', '2', '3'] },
      { lineId: 2, period: 4, values: ['4', '5'] },
    ];
    expect(placeInRuns(runs, 'edits.0.value')).toBe('runs.0.values.0');
    expect(placeInRuns(runs, 'edits.2.period')).toBe('runs.0.values.2');
    expect(placeInRuns(runs, 'edits.4')).toBe('runs.1.values.1');
    expect(placeInRuns(runs, 'edits.3.lineId')).toBe('runs.1.lineId');
    expect(placeInRuns(runs, 'versionId')).toBe('versionId');
    expect(placeInRuns(runs, undefined)).toBeUndefined();
  });
});
