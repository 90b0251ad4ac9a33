import { describe, expect, it } from 'vitest';
import { planImport, type ImportContext, type ImportField } from '../../../../shared/import/plan-import';

const context: ImportContext = {
  departments: [{ id: 1, name: 'Sales', parentId: null }],
  accounts: [{ id: 7, code: '6200', name: 'Travel', type: 'opex', unit: 'currency', parentId: null }],
  lines: [{ id: 3, departmentId: 1, accountId: 7, description: 'Customer visits', formula: null }],
  periods: [
    { key: '2027-01', label: 'Jan 2027' },
    { key: '2027-02', label: 'Feb 2027' },
  ],
  values: new Map([[3, [null, '5']]]),
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
