import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImport, type ImportContext, type ImportField } from '../../../../shared/import/plan-import';
import { centsToText } from '../../../helpers/cents';

const context: ImportContext = {
  departments: [{ id: 1, name: 'Sales', parentId: null }],
  accounts: [{ id: 7, code: '6200', name: 'Travel', type: 'opex', unit: 'currency', parentId: null }],
  lines: [{ id: 3, departmentId: 1, accountId: 7, description: 'Customer visits', formula: null }],
  periods: [
    { key: '2027-01', label: 'Jan 2027' },
    { key: '2027-02', label: 'Feb 2027' },
  ],
  values: new Map([[3, [null, '5']]]),
  currency: 'USD',
};
const long: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'period' }, { kind: 'amount' }];
const amounts = (texts: string[], decimalSeparator: '.' | ',') =>
  planImport(
    texts.map((text, index) => ['Sales', '6200', index === 0 ? '2027-01' : '2027-02', text]),
    2,
    { columns: long, decimalSeparator },
    context,
  );

describe('import amounts', () => {
  it('reads a decimal comma only in its own shapes, and refuses what would be misread', () => {
    expect(amounts(['1.234,56', '-2.000'], ',').cells.map((cell) => cell.value)).toEqual(['1234.56', '-2000']);
    for (const text of ['12,500.00', '1250.5', '0.25']) {
      expect(amounts([text], ',').problems[0]?.message).toContain('not an amount with a decimal comma');
    }
  });

  it('reads a decimal point, hinting at the comma when the file looks written with one', () => {
    expect(amounts(['1,250.50'], '.').cells[0]?.value).toBe('1250.5');
    expect(amounts(['1.234,56'], '.').problems[0]?.message).toContain('choose “Comma” as the decimal separator');
  });

  it('counts what is already there as unchanged, and refuses months the version does not have', () => {
    expect(amounts(['1', '5'], '.')).toMatchObject({ unchanged: 1, cells: [{ line: { id: 3 }, period: 0, value: '1' }] });
    const wide = planImport([['Sales', '6200', '9']], 2, { columns: [{ kind: 'department' }, { kind: 'account' }, { kind: 'month', period: 20 }], decimalSeparator: '.' }, context);
    expect(wide.problems[0]?.message).toContain('mapped to a month this version does not have');
    expect(wide.cells).toEqual([]);
  });

  it('names a row by the file’s own number when the reader kept it (an XLSX leaves out blank rows)', () => {
    const plan = planImport([['Sales', '6200', '2027-01', 'x']], 2, { columns: long, decimalSeparator: '.' }, context, [5]);
    expect(plan.problems[0]?.row).toBe(5);
  });
});

describe('import of a file with empty fields', () => {
  const wide: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'month', period: 0 }, { kind: 'month', period: 1 }];

  it('clears a month the file names but leaves empty, and counts it as cleared', () => {
    const plan = planImport([['Sales', '6200', '7', '']], 2, { columns: wide, decimalSeparator: '.' }, context);
    expect(plan.problems).toEqual([]);
    expect(plan.cells).toEqual([
      { line: { id: 3 }, period: 0, value: '7' },
      { line: { id: 3 }, period: 1, value: null },
    ]);
    expect(plan.cleared).toBe(1);
  });

  it('leaves alone the months the file has no column for, and an empty field where the cell is empty already', () => {
    const onlyFebruary = planImport([['Sales', '6200', '']], 2, { columns: [{ kind: 'department' }, { kind: 'account' }, { kind: 'month', period: 1 }], decimalSeparator: '.' }, context);
    expect(onlyFebruary.cells).toEqual([{ line: { id: 3 }, period: 1, value: null }]);
    const onlyJanuary = planImport([['Sales', '6200', '']], 2, { columns: [{ kind: 'department' }, { kind: 'account' }, { kind: 'month', period: 0 }], decimalSeparator: '.' }, context);
    expect(onlyJanuary).toMatchObject({ cells: [], cleared: 0, unchanged: 0, problems: [] });
  });

  it('in the long layout, clears the month of a record with an empty amount, and leaves months without a record alone', () => {
    const plan = planImport([['Sales', '6200', '2027-02', '']], 2, { columns: long, decimalSeparator: '.' }, context);
    expect(plan.cells).toEqual([{ line: { id: 3 }, period: 1, value: null }]);
    expect(plan.cleared).toBe(1);
  });

  it('refuses a file that names the same month of a line twice, even when one of them is empty', () => {
    const plan = planImport(
      [
        ['Sales', '6200', '2027-02', '4'],
        ['Sales', '6200', '2027-02', ''],
      ],
      2,
      { columns: long, decimalSeparator: '.' },
      context,
    );
    expect(plan.problems[0]).toEqual({ row: 3, message: expect.stringContaining('Row 2 already sets') });
  });

  it('creates no cells for the empty fields of a line the import adds', () => {
    const plan = planImport([['Sales', '6200', 'New trips', '', '3']], 2, { columns: [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, ...wide.slice(2)], decimalSeparator: '.' }, context);
    expect(plan.newLines).toHaveLength(1);
    expect(plan.cells).toEqual([{ line: { key: expect.any(String) }, period: 1, value: '3' }]);
    expect(plan.cleared).toBe(0);
  });
});

describe('import amounts, by the rules typing follows', () => {
  it('refuses an amount of another currency, naming its symbol and the workbook’s currency', () => {
    const plan = amounts(['£300'], '.');
    expect(plan.cells).toEqual([]);
    expect(plan.problems[0]?.message).toContain('£');
    expect(plan.problems[0]?.message).toContain('USD');
    expect(amounts(['300 EUR'], '.').problems[0]?.message).toContain('EUR');
  });

  it('takes the workbook’s own symbol or code', () => {
    expect(amounts(['$1,250.50'], '.').cells[0]?.value).toBe('1250.5');
    expect(amounts(['300 USD'], '.').cells[0]?.value).toBe('300');
  });

  it('refuses an amount with more than 18 digits before the point, as typing does', () => {
    expect(amounts(['1234567890123456789'], '.').problems[0]?.message).toContain('at most 18 digits');
    expect(amounts(['123456789012345678'], '.').cells[0]?.value).toBe('123456789012345678');
  });
});

describe('the import rule, as a law', () => {
  const periods = ['2027-01', '2027-02', '2027-03', '2027-04'].map((key) => ({ key, label: key }));
  const names = ['Visits', 'Shows', 'Dinners'];
  const cellValue = fc.option(fc.bigInt({ min: -(10n ** 8n), max: 10n ** 8n }).map((cents) => centsToText(cents)), { nil: null });
  const grid = fc.array(fc.array(cellValue, { minLength: periods.length, maxLength: periods.length }), { minLength: names.length, maxLength: names.length });

  it('leaves the workbook equal to the file in every month the file has, and as it was in every other', () => {
    fc.assert(
      fc.property(grid, grid, fc.subarray([0, 1, 2, 3], { minLength: 1 }), (workbook, file, months) => {
        const lines = names.map((description, index) => ({ id: index + 1, departmentId: 1, accountId: 7, description, formula: null }));
        const values = new Map(workbook.map((row, index) => [index + 1, row]));
        const columns: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, ...months.map((period): ImportField => ({ kind: 'month', period }))];
        const rows = names.map((name, index) => ['Sales', '6200', name, ...months.map((period) => file[index]?.[period] ?? '')]);
        const plan = planImport(rows, 2, { columns, decimalSeparator: '.' }, { ...context, lines, periods, values });
        expect(plan.problems).toEqual([]);
        const after = workbook.map((row) => row.slice());
        for (const cell of plan.cells) if ('id' in cell.line) (after[cell.line.id - 1] ?? [])[cell.period] = cell.value;
        after.forEach((row, index) => row.forEach((value, period) => expect(value).toBe(months.includes(period) ? (file[index]?.[period] ?? null) : (workbook[index]?.[period] ?? null))));
        const named = names.flatMap((_name, index) => months.map((period) => ({ before: workbook[index]?.[period] ?? null, wanted: file[index]?.[period] ?? null })));
        expect(plan.cleared).toBe(named.filter(({ before, wanted }) => wanted === null && before !== null).length);
        expect(plan.unchanged).toBe(named.filter(({ before, wanted }) => wanted !== null && before === wanted).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a long file whose records of a line follow each other', () => {
  const columns: ImportField[] = [{ kind: 'department' }, { kind: 'account' }, { kind: 'line' }, { kind: 'period' }, { kind: 'amount' }];
  const plan = (rows: string[][]) => planImport(rows, 2, { columns, decimalSeparator: '.' }, context);

  it('names every row of a line it cannot place, each by its own number', () => {
    const result = plan([
      ['Marketing', '6200', 'Fairs', '2027-01', '1'],
      ['Marketing', '6200', 'Fairs', '2027-02', '2'],
      ['Sales', '6200', 'Customer visits', '2027-01', '3'],
    ]);
    expect(result.problems).toEqual([
      { row: 2, message: 'There is no department “Marketing” in this workbook.' },
      { row: 3, message: 'There is no department “Marketing” in this workbook.' },
    ]);
    expect(result.cells).toEqual([{ line: { id: 3 }, period: 0, value: '3' }]);
  });

  it('finds a duplicate month of a line however its name is written, and wherever the records are', () => {
    const result = plan([
      ['Sales', '6200', 'Customer visits', '2027-01', '1'],
      ['Sales', '6200', 'Customer visits', 'Feb 2027', '2'],
      ['Sales', 'Travel', 'CUSTOMER VISITS', '2027-02', '4'],
    ]);
    expect(result.problemCount).toBe(1);
    expect(result.problems[0]).toEqual({ row: 4, message: 'Row 3 already sets Sales · 6200 Travel · CUSTOMER VISITS for Feb 2027: a duplicate.' });
  });

  it('creates a new line once for all its records', () => {
    const result = plan([
      ['Sales', '6200', 'Fairs', '2027-01', '1'],
      ['Sales', '6200', 'Fairs', '2027-02', '2'],
      ['Sales', '6200', 'Dinners', '2027-01', '3'],
      ['Sales', '6200', 'fairs', '2027-01', '4'],
    ]);
    expect(result.newLines.map((line) => line.description)).toEqual(['Fairs', 'Dinners']);
    expect(result.problems).toEqual([{ row: 5, message: 'Row 2 already sets Sales · 6200 Travel · fairs for Jan 2027: a duplicate.' }]);
  });
});
