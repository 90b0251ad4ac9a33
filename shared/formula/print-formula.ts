import type { FormulaNode } from './ast';

const PRECEDENCE: Record<string, number> = { compare: 1, '+': 2, '-': 2, '*': 3, '/': 3, negate: 4, percent: 5, atom: 6 };

function precedence(node: FormulaNode): number {
  if (node.kind === 'binary') return PRECEDENCE[node.operator] ?? 0;
  if (node.kind === 'compare') return PRECEDENCE.compare ?? 0;
  if (node.kind === 'negate') return PRECEDENCE.negate ?? 0;
  if (node.kind === 'percent') return PRECEDENCE.percent ?? 0;
  return PRECEDENCE.atom ?? 0;
}

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The formula's canonical text: single spaces around operators, brackets only where needed. */
export function printFormula(node: FormulaNode): string {
  const wrap = (child: FormulaNode, minimum: number) => (precedence(child) < minimum ? `(${printFormula(child)})` : printFormula(child));
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'reference':
      return SIMPLE_NAME.test(node.name) ? node.name : `[${node.name}]`;
    case 'percent':
      return `${wrap(node.operand, PRECEDENCE.atom ?? 6)}%`;
    case 'negate':
      return `-${wrap(node.operand, PRECEDENCE.negate ?? 4)}`;
    case 'binary': {
      const own = precedence(node);
      // Left-associative: the right side needs brackets at equal precedence.
      return `${wrap(node.left, own)} ${node.operator} ${wrap(node.right, own + 1)}`;
    }
    case 'compare':
      return `${wrap(node.left, 2)} ${node.operator} ${wrap(node.right, 2)}`;
    case 'call':
      return `${node.name}(${node.args.map(printFormula).join(', ')})`;
  }
}
