import { describe, expect, it } from 'vitest';
import type { BudgetLine } from '../../../../shared/domain/workbook';
import { columnsOfLines, joinAmounts, linesOfColumns, splitAmounts } from '../../../../shared/sheet/compact-sheet';

const line = (id: number, values: (string | null)[], extra: Partial<BudgetLine> = {}): BudgetLine => ({
  id,
  departmentId: 1,
  accountId: 2,
  description: `Line ${id}`,
  values,
  formula: null,
  proposalId: null,
  goalId: null,
  ...extra,
});

describe('a line’s amounts as one text', () => {
  it('joins amounts with empty places for empty cells and leaves out the empty ones at the end', () => {
    expect(joinAmounts(['1250.5', null, '-300', null, null])).toBe('1250.5;;-300');
    expect(joinAmounts([null, null])).toBe('');
    expect(joinAmounts([null, '0'])).toBe(';0');
  });

  it('splits them back to one value per month, padding the months left out', () => {
    expect(splitAmounts('1250.5;;-300', 5, 'line 1')).toEqual(['1250.5', null, '-300', null, null]);
    expect(splitAmounts('', 3, 'line 1')).toEqual([null, null, null]);
    expect(splitAmounts(';0', 2, 'line 1')).toEqual([null, '0']);
  });

  it('refuses a text with more amounts than months, naming the line', () => {
    expect(() => splitAmounts('1;2;3', 2, 'line 7')).toThrow('line 7 has 3 amounts for 2 months');
  });
});

describe('lines as columns', () => {
  it('round-trip every field and every amount exactly, 18-digit and six-decimal ones included', () => {
    const lines = [
      line(1, ['999999999999999999.99', '-999999999999999999.99', null, '0.01']),
      line(2, [null, null, null, null], { formula: 'if(period() = 1, 2400, prev() * 1.01)', proposalId: 4, goalId: 9, description: 'Growth; with: punctuation' }),
      line(3, ['0.035125', null, null, '-0.000001']),
    ];
    expect(linesOfColumns(JSON.parse(JSON.stringify(columnsOfLines(lines))) as ReturnType<typeof columnsOfLines>, 4)).toEqual(lines);
  });

  it('refuses columns of different lengths, saying which', () => {
    const columns = columnsOfLines([line(1, ['1']), line(2, ['2'])]);
    columns.values.pop();
    expect(() => linesOfColumns(columns, 1)).toThrow('2 line ids but 1 values');
  });
});
