import { describe, expect, it } from 'vitest';
import { planPaste, type PasteTarget } from '../../../../shared/clipboard/plan-paste';

const target: PasteTarget = {
  lines: [
    { id: 10, description: 'Travel' },
    { id: 11, description: 'Meals' },
    { id: 12, description: 'Software' },
  ],
  periodLabels: ['Jan 2027', 'Feb 2027', 'Mar 2027', 'Apr 2027'],
  currency: 'USD',
};

describe('planning a paste', () => {
  it('maps the block onto lines and months from the cursor, reading amounts as finance people write them', () => {
    const plan = planPaste(target, { lineIndex: 1, period: 2 }, [
      ['1,250.50', '(300)'],
      ['3k', ''],
    ]);
    expect(plan).toEqual({
      ok: true,
      rows: 2,
      columns: 2,
      rounded: 0,
      edits: [
        { lineId: 11, period: 2, value: '1250.5' },
        { lineId: 11, period: 3, value: '-300' },
        { lineId: 12, period: 2, value: '3000' },
        { lineId: 12, period: 3, value: null },
      ],
    });
  });

  it('refuses the whole block at the first cell that is not an amount, naming it', () => {
    const plan = planPaste(target, { lineIndex: 0, period: 0 }, [
      ['1', '2'],
      ['3', 'n/a'],
    ]);
    expect(plan).toEqual({
      ok: false,
      message: expect.stringContaining('Row 2, column 2 of the pasted block: "n/a" is not an amount'),
      where: 'Meals, Feb 2027',
    });
  });

  it('refuses a block that runs past the last line or the last month', () => {
    const tall = planPaste(target, { lineIndex: 2, period: 0 }, [['1'], ['2']]);
    expect(tall).toMatchObject({ ok: false, message: expect.stringContaining('only 1 lines are below') });
    const wide = planPaste(target, { lineIndex: 0, period: 3 }, [['1', '2']]);
    expect(wide).toMatchObject({ ok: false, message: expect.stringContaining('only 1 months run from Apr 2027') });
  });

  it('refuses an empty clipboard and a block of more than 400,000 cells', () => {
    expect(planPaste(target, { lineIndex: 0, period: 0 }, [])).toMatchObject({ ok: false, message: 'The clipboard holds no cells to paste.' });
    const huge = Array.from({ length: 100_001 }, () => ['1', '2', '3', '4']);
    expect(planPaste(target, { lineIndex: 0, period: 0 }, huge)).toMatchObject({ ok: false, message: expect.stringContaining('400,000') });
  });

  it('counts amounts rounded to cents', () => {
    expect(planPaste(target, { lineIndex: 0, period: 0 }, [['1.005', '2.5']])).toMatchObject({ ok: true, rounded: 1 });
  });
  it('refuses a pasted amount in another currency, naming its symbol and the workbook’s, and pastes nothing', () => {
    const plan = planPaste(target, { lineIndex: 0, period: 0 }, [['$10', '£300']]);
    expect(plan).toMatchObject({ ok: false, message: expect.stringContaining('column 2 of the pasted block: "£300" is in another currency (£): this workbook counts in USD') });
  });
  it('refuses a pasted amount beyond 18 digits before the point, as typing does', () => {
    expect(planPaste(target, { lineIndex: 0, period: 0 }, [['1234567890123456789']])).toMatchObject({ ok: false, message: expect.stringContaining('at most 18 digits before the decimal point') });
  });
});
