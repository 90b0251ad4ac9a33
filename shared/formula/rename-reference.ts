import type { FormulaNode } from './ast';
import { parseFormula } from './parse-formula';
import { printFormula } from './print-formula';

/**
 * A formula with every reference to the line `from` pointing at `to` instead (names compare
 * without case). A formula that does not parse has its bracketed mentions replaced as text.
 * Returns the formula unchanged when it does not mention the line.
 */
export function renameReference(formula: string, from: string, to: string): string {
  const wanted = from.trim().toLowerCase();
  // A reference is the name in brackets: a formula whose text lacks the name cannot mention it (no parse).
  if (!formula.toLowerCase().includes(wanted)) return formula;
  const parsed = parseFormula(formula);
  if (!parsed.ok) {
    return formula.replace(/\[([^\]\n]+)\]/g, (whole, name: string) => (name.trim().toLowerCase() === wanted ? `[${to}]` : whole));
  }
  let changed = false;
  const rename = (node: FormulaNode): FormulaNode => {
    switch (node.kind) {
      case 'reference':
        if (node.name.trim().toLowerCase() !== wanted) return node;
        changed = true;
        return { kind: 'reference', name: to };
      case 'number':
        return node;
      case 'percent':
      case 'negate':
        return { ...node, operand: rename(node.operand) };
      case 'binary':
      case 'compare':
        return { ...node, left: rename(node.left), right: rename(node.right) } as FormulaNode;
      case 'call':
        return { ...node, args: node.args.map(rename) };
    }
  };
  const renamed = rename(parsed.ast);
  return changed ? printFormula(renamed) : formula;
}
