import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTabularText, toTabularText } from '../../../../shared/clipboard/tabular-text';

describe('tab-separated clipboard text', () => {
  it('reads rows and cells as Excel writes them, with CRLF and a trailing newline', () => {
    expect(parseTabularText('1,250.50\t(300)\r\n3m\t\r\n')).toEqual([
      ['1,250.50', '(300)'],
      ['3m', ''],
    ]);
  });

  it('reads quoted cells holding tabs, newlines and quotes', () => {
    expect(parseTabularText('"a\tb"\t"say ""hi"""\n"two\nlines"\tx')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
  });

  it('reads a single cell and an empty clipboard', () => {
    expect(parseTabularText('42')).toEqual([['42']]);
    expect(parseTabularText('')).toEqual([]);
  });

  it('writing then reading a block gives the block back', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '1', ',', '.', '"', '\t', '\n', ' ', '-', '(', ')') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (_n, rows) => {
        // A lone empty last row is indistinguishable from a trailing newline; spreadsheets write none.
        const block = rows.map((row) => row.map((value) => (value === '' ? 'x' : value)));
        expect(parseTabularText(toTabularText(block))).toEqual(block);
      }),
    );
  });
});
