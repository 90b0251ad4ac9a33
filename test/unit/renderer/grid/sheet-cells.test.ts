import { describe, expect, it } from 'vitest';
import { boundsOf, cellCount, clearWrites, dragFillWrites, fillWrites, rangeAsHtml as gridAsHtml, rangeAsText as gridAsText, rangeContains, wholeGrid, type CellRange } from '../../../../renderer/selection/cell-range';
import { editsOf, sheetCells } from '../../../../renderer/grid/sheet-cells';
import type { SheetView } from '../../../../shared/sheet/sheet-view';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { sheetModel } from '../../../helpers/sheet-model';

const view = buildSheetView(
  sheetModel([
    { type: 'opex', values: ['1', '2', null] },
    { type: 'opex', values: ['4', null, '6'] },
    { type: 'revenue', values: [null, '8', '9.5'] },
  ]),
  'none',
);

// The budget sheet's range operations: the shared grid behaviour over the sheet's cells, as edits of lines.
const clearEdits = (sheet: SheetView, range: CellRange) => editsOf(sheet, clearWrites(sheetCells(sheet), range));
const fillEdits = (sheet: SheetView, range: CellRange, direction: 'down' | 'right') => editsOf(sheet, fillWrites(sheetCells(sheet), range, direction));
const dragFillEdits = (sheet: SheetView, source: CellRange, target: CellRange) => editsOf(sheet, dragFillWrites(sheetCells(sheet), source, target));
const rangeAsText = (sheet: SheetView, range: CellRange) => gridAsText(sheetCells(sheet), range);
const rangeAsHtml = (sheet: SheetView, range: CellRange) => gridAsHtml(sheetCells(sheet), range);
const wholeSheet = (sheet: SheetView) => wholeGrid(sheetCells(sheet));

describe('cell ranges', () => {
  it('have the same bounds whichever corner the selection started from', () => {
    const range = { anchor: { row: 2, column: 0 }, focus: { row: 0, column: 1 } };
    expect(boundsOf(range)).toEqual({ top: 0, bottom: 2, left: 0, right: 1 });
    expect(cellCount(range)).toBe(6);
    expect(rangeContains(range, 1, 1)).toBe(true);
    expect(rangeContains(range, 1, 2)).toBe(false);
  });

  it('select the whole sheet', () => {
    expect(wholeSheet(view)).toEqual({ anchor: { row: 0, column: 0 }, focus: { row: 2, column: 2 } });
  });

  it('copy as tab-separated canonical amounts and as an HTML table', () => {
    const range = { anchor: { row: 0, column: 1 }, focus: { row: 2, column: 2 } };
    expect(rangeAsText(view, range)).toBe('2\t\n\t6\n8\t9.5');
    expect(rangeAsHtml(view, range)).toBe('<table><tr><td>2</td><td></td></tr><tr><td></td><td>6</td></tr><tr><td>8</td><td>9.5</td></tr></table>');
  });

  it('clear only the cells that hold values', () => {
    expect(clearEdits(view, { anchor: { row: 0, column: 1 }, focus: { row: 1, column: 2 } })).toEqual([
      { lineId: 1, period: 1, value: null },
      { lineId: 2, period: 2, value: null },
    ]);
  });

  it('fill down copies the first row over the rest; a single cell takes the value above', () => {
    expect(fillEdits(view, { anchor: { row: 0, column: 0 }, focus: { row: 2, column: 1 } }, 'down')).toEqual([
      { lineId: 2, period: 0, value: '1' },
      { lineId: 2, period: 1, value: '2' },
      { lineId: 3, period: 0, value: '1' },
      { lineId: 3, period: 1, value: '2' },
    ]);
    expect(fillEdits(view, { anchor: { row: 2, column: 0 }, focus: { row: 2, column: 0 } }, 'down')).toEqual([{ lineId: 3, period: 0, value: '4' }]);
    expect(fillEdits(view, { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 0 } }, 'down')).toEqual([]);
  });

  it('skip group rows: fill down from a line over a group row lands on the next line', () => {
    const grouped = buildSheetView(
      sheetModel([
        { type: 'revenue', values: ['7', null, null] },
        { type: 'opex', values: ['1', null, null] },
      ]),
      'account',
    );
    // Rows: [Revenue] [4000] line 1, [Operating expenses] [4001] line 2
    expect(grouped.display.rows.map((row) => row.kind)).toEqual(['group', 'group', 'line', 'group', 'group', 'line']);
    expect(fillEdits(grouped, { anchor: { row: 2, column: 0 }, focus: { row: 5, column: 0 } }, 'down')).toEqual([{ lineId: 2, period: 0, value: '7' }]);
    expect(rangeAsText(grouped, { anchor: { row: 0, column: 0 }, focus: { row: 5, column: 0 } })).toBe('7\n1');
  });

  it('fill right copies the first column across, including empty cells', () => {
    expect(fillEdits(view, { anchor: { row: 1, column: 0 }, focus: { row: 2, column: 2 } }, 'right')).toEqual([
      { lineId: 2, period: 2, value: '4' },
      { lineId: 2, period: 1, value: '4' },
      { lineId: 3, period: 1, value: null },
      { lineId: 3, period: 2, value: null },
    ].sort((a, b) => a.lineId - b.lineId || a.period - b.period));
  });
});

describe('dragging the fill handle', () => {
  const sheet = buildSheetView(
    sheetModel([
      { type: 'opex', values: ['1', '2', null, null] },
      { type: 'opex', values: ['3', null, null, null] },
      { type: 'opex', values: [null, null, null, null] },
      { type: 'opex', values: ['9', '9', '9', '9'] },
    ], 4),
    'none',
  );

  it('down repeats the source lines over the new ones', () => {
    const source = { anchor: { row: 0, column: 0 }, focus: { row: 1, column: 1 } };
    expect(dragFillEdits(sheet, source, { anchor: { row: 0, column: 0 }, focus: { row: 3, column: 1 } })).toEqual([
      { lineId: 3, period: 0, value: '1' },
      { lineId: 3, period: 1, value: '2' },
      { lineId: 4, period: 0, value: '3' },
      { lineId: 4, period: 1, value: null },
    ]);
  });

  it('right repeats the source months over the new ones', () => {
    const source = { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 1 } };
    expect(dragFillEdits(sheet, source, { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 3 } })).toEqual([
      { lineId: 1, period: 2, value: '1' },
      { lineId: 1, period: 3, value: '2' },
    ]);
  });
});

describe('formula lines in a range', () => {
  const sheet = buildSheetView(
    sheetModel([
      { type: 'opex', name: 'Rent', values: ['5', '5', '5'] },
      { type: 'opex', name: 'Rent x2', values: [null, null, null], formula: 'Rent * 2' },
      { type: 'opex', name: 'Other', values: ['1', null, null] },
    ]),
    'none',
  );
  const all = { anchor: { row: 0, column: 0 }, focus: { row: 2, column: 2 } };

  it('are passed by when clearing and filling: their months are computed', () => {
    expect(clearEdits(sheet, all).map((edit) => edit.lineId)).toEqual([1, 1, 1, 3]);
    expect(fillEdits(sheet, all, 'down').map((edit) => edit.lineId)).toEqual([3, 3, 3]);
    expect(dragFillEdits(sheet, { anchor: { row: 0, column: 0 }, focus: { row: 0, column: 2 } }, all).map((edit) => edit.lineId)).toEqual([3, 3, 3]);
  });
});
