import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormulaNode } from '../../../../shared/formula/ast';
import { buildFormulaGrammar, parseFormula } from '../../../../shared/formula/parse-formula';
import { printFormula } from '../../../../shared/formula/print-formula';

function ast(text: string): FormulaNode {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ast;
}

describe('parsing line formulas', () => {
  it('builds a grammar that passes Chevrotain’s own checks, which the app skips at open', () => {
    expect(() => buildFormulaGrammar(true)).not.toThrow();
  });

  it('reads the formulas finance people write', () => {
    expect(printFormula(ast('Headcount * 8500'))).toBe('Headcount * 8500');
    expect(printFormula(ast('=Revenue*32%'))).toBe('Revenue * 32%');
    expect(printFormula(ast('prev() * 1.02'))).toBe('prev() * 1.02');
    expect(printFormula(ast('sum(Travel, Meals)'))).toBe('sum(Travel, Meals)');
    expect(printFormula(ast('if(period() = 1, 1000, prev() * 1.02)'))).toBe('if(period() = 1, 1000, prev() * 1.02)');
    expect(printFormula(ast('[Sales engineers (4 FTE)] * 12'))).toBe('[Sales engineers (4 FTE)] * 12');
  });

  it('respects precedence and keeps needed brackets', () => {
    expect(ast('1 + 2 * 3')).toEqual({
      kind: 'binary',
      operator: '+',
      left: { kind: 'number', text: '1' },
      right: { kind: 'binary', operator: '*', left: { kind: 'number', text: '2' }, right: { kind: 'number', text: '3' } },
    });
    expect(printFormula(ast('(1 + 2) * 3'))).toBe('(1 + 2) * 3');
    expect(printFormula(ast('10 - (4 - 3)'))).toBe('10 - (4 - 3)');
    expect(printFormula(ast('-(2 + 3)%'))).toBe('-(2 + 3)%');
  });

  it.each([
    ['Revenue *', 'ends too early'],
    ['Revenue * * 2', 'Unexpected “*”'],
    ['Revenue $ 2', 'Unexpected “$” at character 9'],
    ['foo(1)', 'no function “foo”'],
    ['if(1, 2)', 'if takes 3 arguments'],
    ['prev(1)', 'prev(…) takes the name of a line'],
    ['', 'empty'],
    ['(1 + 2', 'ends too early'],
  ])('refuses %j, saying why', (text, reason) => {
    const parsed = parseFormula(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(reason);
  });

  it('printing then parsing gives the same formula back', () => {
    const leaf: fc.Arbitrary<FormulaNode> = fc.oneof(
      fc.stringMatching(/^(0|[1-9]\d{0,5})(\.\d{1,3})?$/).map((text): FormulaNode => ({ kind: 'number', text })),
      fc.constantFrom('Revenue', 'Headcount', 'Sales engineers', 'Travel — EU').map((name): FormulaNode => ({ kind: 'reference', name })),
    );
    const tree = fc.letrec<{ node: FormulaNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ kind: fc.constant('binary' as const), operator: fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('negate' as const), operand: tie('node') }),
        fc.record({ kind: fc.constant('percent' as const), operand: tie('node') }),
        fc.record({ kind: fc.constant('call' as const), name: fc.constantFrom('sum', 'max'), args: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      ),
    }));
    fc.assert(
      fc.property(tree.node, (node) => {
        const printed = printFormula(node);
        expect(printFormula(ast(printed))).toBe(printed);
      }),
    );
  });
});
