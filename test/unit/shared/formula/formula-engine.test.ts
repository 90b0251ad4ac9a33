import { describe, expect, it } from 'vitest';
import { FormulaEngine, type EngineLine } from '../../../../shared/formula/formula-engine';

const input = (id: number, name: string, values: (string | null)[]): EngineLine => ({ id, name, values, formula: null });
const formula = (id: number, name: string, text: string, periods = 3): EngineLine => ({ id, name, values: new Array<null>(periods).fill(null), formula: text });

describe('the formula engine', () => {
  it('computes driver-based lines exactly: headcount times salary, a percentage of revenue', () => {
    const engine = new FormulaEngine(
      [input(1, 'Headcount', ['3', '3', '4']), formula(2, 'Salaries', 'Headcount * 8500'), input(3, 'Revenue', ['1000.10', '0.1', '0.2']), formula(4, 'Commission', 'Revenue * 32%')],
      3,
    );
    expect(engine.outcome(2)).toEqual({ values: ['25500', '25500', '34000'], cellErrors: [null, null, null], error: null });
    expect(engine.outcome(4)?.values).toEqual(['320.03', '0.03', '0.06']);
  });

  it('grows from the previous month, and says why the first month has no value without a start', () => {
    const engine = new FormulaEngine([formula(1, 'Rent', 'if(period() = 1, 1000, prev() * 1.02)', 3), formula(2, 'Bad', 'prev() * 2', 3)], 3);
    expect(engine.outcome(1)?.values).toEqual(['1000', '1020', '1040.4']);
    expect(engine.outcome(2)?.values).toEqual([null, null, null]);
    expect(engine.outcome(2)?.cellErrors[0]).toContain('first month');
  });

  it('reports a circular reference on every line of the cycle, naming it', () => {
    const engine = new FormulaEngine([formula(1, 'A', 'B + 1'), formula(2, 'B', 'A * 2'), formula(3, 'C', 'A + 1'), input(4, 'D', ['1', '1', '1'])], 3);
    expect(engine.outcome(1)?.error).toMatch(/Circular reference: A → B → A|Circular reference: B → A → B/);
    expect(engine.outcome(2)?.error).toContain('Circular reference');
    expect(engine.outcome(3)?.error).toContain('It uses “A”, which is caught in a circular reference');
  });

  it('names unknown lines and syntax errors instead of computing zeros', () => {
    const engine = new FormulaEngine([formula(1, 'X', 'Headcnt * 2'), formula(2, 'Y', '3 +')], 3);
    expect(engine.outcome(1)).toMatchObject({ values: [null, null, null], error: expect.stringContaining('no line named “Headcnt”') });
    expect(engine.outcome(2)?.error).toContain('ends too early');
  });

  it('marks only the cell that divides by zero', () => {
    const engine = new FormulaEngine([input(1, 'Units', ['10', '0', '5']), formula(2, 'Per unit', '1000 / Units')], 3);
    expect(engine.outcome(2)).toEqual({ values: ['100', null, '200'], cellErrors: [null, 'Division by zero.', null], error: null });
  });

  it('recomputes only what depends on an edit, through chains', () => {
    const engine = new FormulaEngine(
      [input(1, 'Headcount', ['1', '1', '1']), formula(2, 'Salaries', 'Headcount * 100'), formula(3, 'Benefits', 'Salaries * 20%'), input(4, 'Other', ['5', '5', '5']), formula(5, 'Other x2', 'Other * 2')],
      3,
    );
    const updates = engine.valuesChanged([input(1, 'Headcount', ['2', '1', '1'])]);
    expect([...updates.keys()].sort()).toEqual([2, 3]);
    expect(updates.get(3)?.values).toEqual(['40', '20', '20']);
  });
  it('refuses a result too large to type, as typing does (at most 18 digits before the point), and the error travels to the lines that use it', () => {
    const engine = new FormulaEngine(
      [input(1, 'Big', ['999999999999999999', '99999999999999999', '-999999999999999999.99']), formula(2, 'Ten times', 'Big * 10'), formula(3, 'Uses it', '[Ten times] - 1'), formula(4, 'Edge', 'Big + 0')],
      3,
    );
    expect(engine.outcome(2)?.values).toEqual([null, '999999999999999990', null]);
    expect(engine.outcome(2)?.cellErrors[0]).toBe('The result, 9999999999999999990, is too large: amounts have at most 18 digits before the decimal point.');
    expect(engine.outcome(2)?.cellErrors[2]).toContain('too large');
    expect(engine.outcome(3)?.cellErrors[0]).toContain('“Ten times” has no value here');
    expect(engine.outcome(4)?.values).toEqual(['999999999999999999', '99999999999999999', '-999999999999999999.99']);
  });

  it('refuses a driver quantity too large in the same words for drivers', () => {
    const engine = new FormulaEngine([input(1, 'Units', ['999999999999999999', '1', '1']), { ...formula(2, 'More units', 'Units * 2'), quantity: true }], 3);
    expect(engine.outcome(2)?.cellErrors[0]).toBe('The result, 1999999999999999998, is too large: drivers have at most 18 digits before the decimal point.');
    expect(engine.outcome(2)?.values.slice(1)).toEqual(['2', '2']);
  });
});
