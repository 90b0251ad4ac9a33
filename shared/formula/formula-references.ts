import type { FormulaNode } from './ast';

/** The names a formula reads, in order, repeats included. */
export function referencedNames(node: FormulaNode): string[] {
  switch (node.kind) {
    case 'number':
      return [];
    case 'reference':
      return [node.name];
    case 'percent':
    case 'negate':
      return referencedNames(node.operand);
    case 'binary':
    case 'compare':
      return [...referencedNames(node.left), ...referencedNames(node.right)];
    case 'call':
      return node.args.flatMap(referencedNames);
  }
}

/** Whether the formula reads the line's own previous month (prev() without a name, anywhere in it). */
export function usesOwnPrevious(node: FormulaNode): boolean {
  if (node.kind === 'call') return node.name === 'prev' || node.args.some(usesOwnPrevious);
  if (node.kind === 'binary' || node.kind === 'compare') return usesOwnPrevious(node.left) || usesOwnPrevious(node.right);
  if (node.kind === 'negate' || node.kind === 'percent') return usesOwnPrevious(node.operand);
  return false;
}
