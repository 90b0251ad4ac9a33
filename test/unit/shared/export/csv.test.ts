import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecord, neutraliseText, neutraliseUnlessNumber, parseCsv, type CsvOptions } from '../../../../shared/export/csv';

describe('CSV', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks; CRLF or LF; a BOM and a last line break', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,3\n', ',')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('a;b;\r\n;;', ';')).toEqual([
      ['a', 'b', ''],
      ['', '', ''],
    ]);
    expect(parseCsv('', ',')).toEqual([]);
  });

  it('round-trips any records through csvRecord and parseCsv, with every delimiter', () => {
    const options: CsvOptions[] = [
      { delimiter: ',', decimalSeparator: '.' },
      { delimiter: ';', decimalSeparator: ',' },
      { delimiter: '\t', decimalSeparator: '.' },
    ];
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(...options), (records, option) => {
        // A record of one empty field is an empty line, which readers take as no record: leave those out.
        const kept = records.filter((record) => !(record.length === 1 && record[0] === ''));
        const text = kept.map((record) => csvRecord(record, option)).join('');
        expect(parseCsv(text, option.delimiter)).toEqual(kept);
      }),
    );
  });

  it('neutralises text a spreadsheet would run, and leaves amounts as numbers', () => {
    expect(['=1+1', '+A1', '-cmd', '@SUM(A1)', '\tx', '\rx', 'plain'].map(neutraliseText)).toEqual(["'=1+1", "'+A1", "'-cmd", "'@SUM(A1)", "'\tx", "'\rx", 'plain']);
    expect(['-300.5', '1250', '-x'].map(neutraliseUnlessNumber)).toEqual(['-300.5', '1250', "'-x"]);
  });
});

describe('the approval stamp’s canonical content', () => {
  it('reads any line break in a name as one space, as an XLSX gives it back', async () => {
    const { canonicalContent } = await import('../../../../shared/export/approval-stamp');
    const meta = { workbook: 'W', version: 'V', approvedBy: 'A', approvedAt: '2027-01-01T00:00:00Z' };
    const line = (description: string) => ({ department: 'Sales', accountCode: '6200', description, values: ['1250.50', null] });
    expect(canonicalContent(meta, ['Jan'], [line('Two\r\nlines')])).toBe(canonicalContent(meta, ['Jan'], [line('Two\nlines')]));
    expect(canonicalContent(meta, ['Jan'], [line('x')])).toContain('Sales\t6200\tx\t1250.5\t');
  });
});
