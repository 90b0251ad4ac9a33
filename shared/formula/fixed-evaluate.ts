import type { AmountText } from '../money/amount';
import type { FormulaNode } from './ast';
import { addFixed, compareFixed, multiplyFixed, parseFixed, percentFixed, roundFixed, type Fixed } from './fixed-point';

/** What a formula's month reads, for the exact integer path. */
export interface FixedInputs {
  /** the line a name resolves to, or undefined (the Decimal path then says why) */
  lineNamed(name: string): number | undefined;
  /** another line's value in a month: its text, null for an empty cell, undefined where it has an error */
  valueText(lineId: number, period: number): AmountText | null | undefined;
}

/** The line's own rounded months so far, for prev(): null where a month has no exact value here. */
export type OwnFixed = readonly (Fixed | null)[];

const ZERO: Fixed = { units: 0, scale: 0 };
const ONE: Fixed = { units: 1, scale: 0 };
const MOST_ROUNDING_DIGITS = 10;

/** Numbers and percentages of numbers, read once per node (each formula runs once per month). */
const constants = new WeakMap<FormulaNode, Fixed | null>();

function constantOf(node: Extract<FormulaNode, { kind: 'number' }>): Fixed | null {
  let value = constants.get(node);
  if (value === undefined) {
    value = parseFixed(node.text);
    constants.set(node, value);
  }
  return value;
}

/**
 * A formula's month in exact integers (see fixed-point.ts), or null where this path does not
 * answer: a division, a cell error, a number with too many digits, anything decimal.js must
 * decide. A null month is computed by the Decimal path, which also words every error.
 */
export function evaluateFixed(node: FormulaNode, selfId: number, period: number, own: OwnFixed, inputs: FixedInputs): Fixed | null {
  switch (node.kind) {
    case 'number':
      return constantOf(node);
    case 'percent': {
      const value = evaluateFixed(node.operand, selfId, period, own, inputs);
      return value === null ? null : percentFixed(value);
    }
    case 'reference': {
      const lineId = inputs.lineNamed(node.name);
      return lineId === undefined ? null : valueOf(lineId, period, own, selfId, inputs);
    }
    case 'negate': {
      const value = evaluateFixed(node.operand, selfId, period, own, inputs);
      return value === null ? null : { units: -value.units, scale: value.scale };
    }
    case 'binary': {
      if (node.operator === '/') return null;
      const left = evaluateFixed(node.left, selfId, period, own, inputs);
      if (left === null) return null;
      const right = evaluateFixed(node.right, selfId, period, own, inputs);
      if (right === null) return null;
      return node.operator === '*' ? multiplyFixed(left, right) : addFixed(left, right, node.operator === '+' ? 1 : -1);
    }
    case 'compare': {
      const left = evaluateFixed(node.left, selfId, period, own, inputs);
      const right = left === null ? null : evaluateFixed(node.right, selfId, period, own, inputs);
      const order = left === null || right === null ? null : compareFixed(left, right);
      return order === null ? null : comparisonHolds(order, node.operator) ? ONE : ZERO;
    }
    case 'call':
      return call(node, selfId, period, own, inputs);
  }
}

function valueOf(lineId: number, period: number, own: OwnFixed, selfId: number, inputs: FixedInputs): Fixed | null {
  if (lineId === selfId) return own[period] ?? null;
  const text = inputs.valueText(lineId, period);
  if (text === undefined) return null;
  return text === null ? ZERO : parseFixed(text);
}

function call(node: Extract<FormulaNode, { kind: 'call' }>, selfId: number, period: number, own: OwnFixed, inputs: FixedInputs): Fixed | null {
  const recurse = (child: FormulaNode | undefined): Fixed | null => (child === undefined ? null : evaluateFixed(child, selfId, period, own, inputs));
  switch (node.name) {
    case 'prev': {
      if (period === 0) return null;
      const target = node.args[0];
      const lineId = target === undefined || target.kind !== 'reference' ? selfId : inputs.lineNamed(target.name);
      return lineId === undefined ? null : valueOf(lineId, period - 1, own, selfId, inputs);
    }
    case 'sum':
    case 'min':
    case 'max':
      return fold(node.name, node.args, recurse);
    case 'abs': {
      const value = node.args[0] === undefined ? ZERO : recurse(node.args[0]);
      return value === null ? null : { units: Math.abs(value.units), scale: value.scale };
    }
    case 'round': {
      const value = node.args[0] === undefined ? ZERO : recurse(node.args[0]);
      const digits = node.args[1] === undefined ? ZERO : recurse(node.args[1]);
      // Whole digits only: decimal.js refuses others, and that refusal is the Decimal path's to make.
      if (value === null || digits === null || digits.units % 10 ** digits.scale !== 0) return null;
      return roundFixed(value, Math.max(0, Math.min(MOST_ROUNDING_DIGITS, digits.units / 10 ** digits.scale)));
    }
    case 'if': {
      const [condition, whenTrue, whenFalse] = node.args;
      if (whenTrue === undefined || whenFalse === undefined) return null;
      const test = recurse(condition);
      return test === null ? null : recurse(test.units === 0 ? whenFalse : whenTrue);
    }
    case 'period':
      return { units: period + 1, scale: 0 };
    default:
      return null;
  }
}

function fold(name: 'sum' | 'min' | 'max', args: readonly FormulaNode[], recurse: (child: FormulaNode) => Fixed | null): Fixed | null {
  let result: Fixed | null = name === 'sum' ? ZERO : null;
  for (const arg of args) {
    const value = recurse(arg);
    if (value === null) return null;
    if (result === null) result = value;
    else if (name === 'sum') result = addFixed(result, value, 1);
    else {
      const order = compareFixed(value, result);
      if (order === null) return null;
      if ((name === 'min' && order < 0) || (name === 'max' && order > 0)) result = value;
    }
    if (result === null) return null;
  }
  return result;
}

/** Whether a comparison holds, given -1, 0 or 1 as comparedTo answers. */
export function comparisonHolds(order: number, operator: Extract<FormulaNode, { kind: 'compare' }>['operator']): boolean {
  switch (operator) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
