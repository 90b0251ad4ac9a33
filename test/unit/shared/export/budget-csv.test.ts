import { describe, expect, it } from 'vitest';
import { budgetCsvChunks } from '../../../../shared/export/budget-csv';
import { budgetTable } from '../../../../shared/export/budget-table';
import { DEFAULT_CSV } from '../../../../shared/export/csv';
import { sheetModel } from '../../../helpers/sheet-model';

const csv = (table: ReturnType<typeof budgetTable>) => [...budgetCsvChunks(table, 'wide', DEFAULT_CSV)].join('');

describe('the budget as CSV', () => {
  it('writes every amount of up to 18 digits before the point exactly, empty cells empty', () => {
    const table = budgetTable(sheetModel([{ type: 'opex', name: 'Rent', values: ['999999999999999999.99', null, '-0.5'] }]));
    expect(csv(table).split('\r\n')[1]).toBe('Sales,4000,Account 1,Rent,999999999999999999.99,,-0.5');
  });

  it('refuses to write an amount beyond the size rule, naming the line and the month, rather than write what no one could type back', () => {
    const table = budgetTable(sheetModel([{ type: 'opex', name: 'Rent', values: ['1', '2', '3'] }]));
    const line = table.lines[0];
    if (line === undefined) throw new Error('no line');
    line.values[1] = '1234567890123456789';
    expect(() => csv(table)).toThrow('“Rent” has 1234567890123456789 in Feb 2027: amounts have at most 18 digits before the decimal point.');
  });
});
