import { describe, expect, it } from 'vitest';
import { edgeOfData, type GridShape } from '../../../../../renderer/grid/spreadsheet/navigation';

/** A sheet drawn as text: `x` is a filled cell, `.` an empty one. */
function shapeOf(...rows: string[]): GridShape {
  return { rows: rows.length, columns: rows[0]?.length ?? 0, filled: (row, column) => rows[row]?.[column] === 'x' };
}

describe('Ctrl+arrow moves to the edge of the data, as in Excel', () => {
  const shape = shapeOf('xxx..xx.', '........', 'x.......');

  it('runs to the end of a block of filled cells', () => {
    expect(edgeOfData(shape, { row: 0, column: 0 }, 'right')).toEqual({ row: 0, column: 2 });
  });

  it('jumps over a gap to the next filled cell', () => {
    expect(edgeOfData(shape, { row: 0, column: 2 }, 'right')).toEqual({ row: 0, column: 5 });
    expect(edgeOfData(shape, { row: 0, column: 0 }, 'down')).toEqual({ row: 2, column: 0 });
  });

  it('stops at the sheet’s edge when nothing is filled beyond', () => {
    expect(edgeOfData(shape, { row: 0, column: 6 }, 'right')).toEqual({ row: 0, column: 7 });
    expect(edgeOfData(shape, { row: 1, column: 3 }, 'down')).toEqual({ row: 2, column: 3 });
    expect(edgeOfData(shape, { row: 0, column: 0 }, 'up')).toEqual({ row: 0, column: 0 });
  });

  it('from a lone filled cell goes to the next filled one', () => {
    expect(edgeOfData(shape, { row: 2, column: 0 }, 'up')).toEqual({ row: 0, column: 0 });
  });
});
