/** A parsed line formula. Numbers stay as their decimal text: evaluation is exact. */
export type FormulaNode =
  | { kind: 'number'; text: string }
  | { kind: 'percent'; operand: FormulaNode }
  | { kind: 'reference'; name: string }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; operator: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { kind: 'compare'; operator: '=' | '<>' | '<' | '<=' | '>' | '>='; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; name: string; args: FormulaNode[] };

/** A function a formula may call: how many arguments it takes, and which one (if any) must be a name. */
export interface FunctionSpec {
  min: number;
  max: number;
  help: string;
  /** the argument that names something (a line, an account, a department…) rather than computing a value */
  nameArgument?: number;
  /** what that name names, for the message when it is not a name: "a line" unless said */
  names?: string;
}
export type FunctionTable = Record<string, FunctionSpec>;

/** The functions line formulas may call, with how many arguments each takes. */
export const FUNCTIONS = {
  prev: { min: 0, max: 1, help: 'prev() is this line in the previous month; prev(Line) another line' },
  sum: { min: 1, max: 64, help: 'sum(a, b, …) adds its arguments' },
  min: { min: 1, max: 64, help: 'min(a, b, …)' },
  max: { min: 1, max: 64, help: 'max(a, b, …)' },
  abs: { min: 1, max: 1, help: 'abs(x)' },
  round: { min: 1, max: 2, help: 'round(x, digits) rounds half-even; digits defaults to 0' },
  if: { min: 3, max: 3, help: 'if(condition, then, else)' },
  period: { min: 0, max: 0, help: 'period() is the month number: 1 for the first month' },
} satisfies FunctionTable;
