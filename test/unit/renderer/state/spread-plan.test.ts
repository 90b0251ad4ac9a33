import { describe, expect, it } from 'vitest';
import { buildSheetView } from '../../../../shared/sheet/sheet-view';
import { planSpread } from '../../../../renderer/state/spread-plan';
import { sheetModel } from '../../../helpers/sheet-model';

const view = buildSheetView(
  sheetModel([
    { type: 'revenue', values: ['100', '300', null] },
    { type: 'opex', values: [null, null, null] },
    { type: 'opex', values: ['5', '-5', '1'] },
  ]),
);
const line = (index: number) => {
  const row = view.rows[index];
  if (row === undefined) throw new Error('no row');
  return row.line;
};

describe('planning a spread', () => {
  it('typing a total keeps the line’s own shape', () => {
    expect(planSpread(view, line(0), '800', { kind: 'auto' })).toEqual({ ok: true, amounts: ['200', '600', '0'], how: 'in the shape of its current months' });
  });

  it('an empty line is spread evenly', () => {
    expect(planSpread(view, line(1), '10', { kind: 'auto' })).toEqual({ ok: true, amounts: ['3.34', '3.33', '3.33'], how: 'evenly' });
  });

  it('a line with mixed signs has no shape: typing spreads evenly, choosing it is refused', () => {
    expect(planSpread(view, line(2), '3', { kind: 'auto' })).toMatchObject({ ok: true, how: 'evenly' });
    expect(planSpread(view, line(1), '3', { kind: 'shape', lineId: 3 })).toMatchObject({ ok: false, message: expect.stringContaining('both positive and negative') });
  });

  it('follows another line’s shape', () => {
    expect(planSpread(view, line(1), '-40', { kind: 'shape', lineId: 1 })).toEqual({ ok: true, amounts: ['-10', '-30', '0'], how: 'in the shape of “Line 1”' });
  });
});
