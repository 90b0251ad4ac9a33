import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FastCsvLines, IrregularCsv } from '../../../../electron/import/fast-csv';

const LONGEST = 500;

/** csv-parse with the import's options: what the fast reader must give, record for record. */
const byCsvParse = (text: string, delimiter: string): string[][] =>
  parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: false, max_record_size: LONGEST * 4 }) as string[][];

/** The fast reader's records for `text` handed over in `pieces`; 'irregular' when it leaves the file to csv-parse. */
function byFastReader(text: string, delimiter: string, cuts: number[] = []): string[][] | 'irregular' {
  const records: string[][] = [];
  const reader = new FastCsvLines(delimiter, LONGEST, (fields) => records.push(fields));
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  try {
    let from = 0;
    for (const point of [...points, text.length]) {
      reader.push(text.slice(from, point));
      from = point;
    }
    reader.end();
  } catch (error) {
    if (error instanceof IrregularCsv) return 'irregular';
    throw error;
  }
  return records;
}

/** A field as a careful writer puts it: quoted when it holds a delimiter, a quote or a line break. */
const written = (field: string, delimiter: string) => (/["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field);

describe('the fast CSV reader', () => {
  it('gives csv-parse’s records for files written with quoting, however the text is cut into pieces', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é', '—', '1', '.'), maxLength: 8 });
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.array(fc.nat(), { maxLength: 4 }), (rows, delimiter, lineBreak, lastBreak, cuts) => {
        const text = rows.map((row) => row.map((value) => written(value, delimiter)).join(delimiter)).join(lineBreak) + (lastBreak ? lineBreak : '');
        const fast = byFastReader(text, delimiter, cuts);
        if (fast === 'irregular') return;
        read += 1;
        expect(fast).toEqual(byCsvParse(text, delimiter));
      }),
      { numRuns: 2000 },
    );
    // Most such files are read fast: the comparison is not empty.
    expect(read).toBeGreaterThan(1000);
  });

  it('gives csv-parse’s records for any text it does not leave to csv-parse', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'x'), maxLength: 40 });
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 3 }), (csv, cuts) => {
        const fast = byFastReader(csv, ',', cuts);
        if (fast === 'irregular') return;
        let expected: string[][];
        try {
          expected = byCsvParse(csv, ',');
        } catch {
          throw new Error(`the fast reader read ${JSON.stringify(csv)}, which csv-parse refuses`);
        }
        expect(fast).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives csv-parse’s records for runs of records that share their first fields, as a long layout writes them', () => {
    // Few values, so that records repeat their neighbours' first fields often, by a field or by all but the last.
    const field = fc.constantFrom('', 'Sales', 'Sales ', 'Sa', '4000', '40', 'é—', 'x');
    const run = fc.tuple(fc.array(field, { maxLength: 4 }), fc.array(fc.array(field, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }));
    let read = 0;
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 4 }), (runs, delimiter, lineBreak, cuts) => {
        const records = runs.flatMap(([shared, rests]) => rests.map((rest) => [...shared, ...rest]));
        const text = records.map((record) => record.join(delimiter)).join(lineBreak) + lineBreak;
        const fast = byFastReader(text, delimiter, cuts);
        if (fast === 'irregular') return;
        read += 1;
        expect(fast).toEqual(byCsvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(2000);
  });

  it('reads a plain export, empty lines and a last line without a break', () => {
    expect(byFastReader('a,b\r\n\r\n1,"x, ""y"""\r\n2,z', ',')).toEqual([['a', 'b'], [''], ['1', 'x, "y"'], ['2', 'z']]);
  });

  it('leaves to csv-parse a quote inside a field, mixed line breaks and a record over its length', () => {
    expect(byFastReader('a,b\n1,x"y\n', ',')).toBe('irregular');
    expect(byFastReader('a,b\n1,2\r\n', ',')).toBe('irregular');
    expect(byFastReader(`a\n${'x'.repeat(LONGEST + 1)}\n`, ',')).toBe('irregular');
    expect(byFastReader('a\n"never closed\n', ',')).toBe('irregular');
  });
});
