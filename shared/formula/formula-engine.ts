import type { AccountUnit, BudgetLine } from '../domain/workbook';
import { CURRENCY_SCALE, MAX_WHOLE_DIGITS, QUANTITY_SCALE, tooLargeReason, type AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';
import type { FormulaNode } from './ast';
import { comparisonHolds, evaluateFixed, type FixedInputs } from './fixed-evaluate';
import { referencedNames, usesOwnPrevious } from './formula-references';
import { fixedText, parseFixed, roundFixed, type Fixed } from './fixed-point';
import { parseFormula } from './parse-formula';

/** A line as the formula engine sees it: its name, its entered values, and its formula if it has one. */
export interface EngineLine {
  id: number;
  name: string;
  values: readonly (AmountText | null)[];
  formula: string | null;
  /** a driver line (count or rate) keeps six decimals; money lines are rounded to the cent */
  quantity?: boolean;
}

/** A budget line for the engine: a driver (count or rate) line keeps six decimals. */
export function engineLine(line: Pick<BudgetLine, 'id' | 'description' | 'values' | 'formula'>, unit: AccountUnit): EngineLine {
  return { id: line.id, name: line.description, values: line.values, formula: line.formula, quantity: unit !== 'currency' };
}

/** What a formula line computes: a value or an error per period, or an error for the whole formula. */
export interface FormulaOutcome {
  values: (AmountText | null)[];
  /** per period: why there is no value (division by zero, no previous month…) */
  cellErrors: (string | null)[];
  /** why the formula cannot be computed at all (syntax, unknown name, circular reference) */
  error: string | null;
}

class CellError extends Error {}

/**
 * Computes the formula lines of a sheet: parses each formula, resolves the names it uses to
 * lines, orders the lines so each is computed after what it uses, reports circular references
 * on every line of the cycle, and evaluates exactly (decimal.js), rounding results half-even to
 * the cent (six decimals on driver lines). Keeps the dependency graph so an edit recomputes only what depends on it.
 */
export class FormulaEngine {
  private readonly lines = new Map<number, EngineLine>();
  private readonly asts = new Map<number, FormulaNode>();
  private readonly uses = new Map<number, Set<number>>();
  private readonly usedBy = new Map<number, Set<number>>();
  private readonly outcomes = new Map<number, FormulaOutcome>();
  /** line ids by lower-cased name, for resolving references without scanning the sheet */
  private readonly byName = new Map<string, number[]>();
  /** constants (numbers, and percentages of numbers) and resolved names, by node: each formula is evaluated once per month */
  private readonly constants = new WeakMap<FormulaNode, Decimal>();
  private readonly resolved = new Map<string, number>();
  private order: number[] = [];
  private placed = new Set<number>();

  /** What the exact integer path reads: names resolved without throwing, values as text (undefined where a month has an error). */
  private readonly fixedInputs: FixedInputs = {
    lineNamed: (name) => this.lineNamed(name),
    valueText: (lineId, period) => {
      const outcome = this.outcomes.get(lineId);
      if (outcome === undefined) return this.lines.get(lineId)?.values[period] ?? null;
      const error = outcome.cellErrors[period];
      return error !== null && error !== undefined ? undefined : (outcome.values[period] ?? null);
    },
  };

  /** `integerPath` false computes every month with decimal.js (the tests compare both ways). */
  constructor(
    lines: readonly EngineLine[],
    private readonly periodCount: number,
    private readonly integerPath = true,
  ) {
    for (const line of lines) this.lines.set(line.id, line);
    this.rebuild();
  }

  outcome(lineId: number): FormulaOutcome | undefined {
    return this.outcomes.get(lineId);
  }

  /** Every formula line's outcome. */
  allOutcomes(): Map<number, FormulaOutcome> {
    return new Map(this.outcomes);
  }

  /**
   * After lines were renamed and every formula naming them was rewritten to follow (so the graph
   * stands, see formulasNeedRebuild): the names that messages computed from now on use. The parsed
   * formulas keep resolving by the names they were parsed with, which name the same lines.
   */
  renameLines(lines: readonly Pick<BudgetLine, 'id' | 'description'>[]): this {
    for (const line of lines) {
      const known = this.lines.get(line.id);
      if (known !== undefined && known.name !== line.description) this.lines.set(line.id, { ...known, name: line.description });
    }
    return this;
  }

  /** After input values of `lineIds` changed: recomputes what depends on them and returns the formula lines whose outcome changed. */
  valuesChanged(changed: readonly EngineLine[]): Map<number, FormulaOutcome> {
    for (const line of changed) {
      const known = this.lines.get(line.id);
      this.lines.set(line.id, line.quantity === undefined && known?.quantity !== undefined ? { ...line, quantity: known.quantity } : line);
    }
    const affected = new Set<number>();
    const queue = changed.map((line) => line.id);
    while (queue.length > 0) {
      const id = queue.pop();
      if (id === undefined) break;
      for (const dependent of this.usedBy.get(id) ?? []) {
        if (!affected.has(dependent)) {
          affected.add(dependent);
          queue.push(dependent);
        }
      }
    }
    const updates = new Map<number, FormulaOutcome>();
    for (const id of this.order) {
      if (!affected.has(id)) continue;
      const outcome = this.evaluateLine(id);
      this.outcomes.set(id, outcome);
      updates.set(id, outcome);
    }
    return updates;
  }

  private rebuild(): void {
    this.asts.clear();
    this.uses.clear();
    this.usedBy.clear();
    this.outcomes.clear();
    this.byName.clear();
    this.resolved.clear();
    const byName = this.byName;
    for (const line of this.lines.values()) {
      const key = line.name.trim().toLowerCase();
      const known = byName.get(key);
      if (known === undefined) byName.set(key, [line.id]);
      else known.push(line.id);
    }
    const structural = new Map<number, string>();
    for (const line of this.lines.values()) {
      if (line.formula === null) continue;
      const parsed = parseFormula(line.formula);
      if (!parsed.ok) {
        structural.set(line.id, parsed.message);
        continue;
      }
      this.asts.set(line.id, parsed.ast);
      const used = new Set<number>();
      let problem: string | null = null;
      for (const name of referencedNames(parsed.ast)) {
        const matches = byName.get(name.toLowerCase()) ?? [];
        if (matches.length === 0) problem ??= `There is no line named “${name}”. Check the spelling, or put a name with spaces in brackets: [Sales engineers].`;
        else if (matches.length > 1) problem ??= `Several lines are named “${name}”; rename one so the formula knows which.`;
        else if (matches[0] !== undefined) used.add(matches[0]);
      }
      if (problem !== null) structural.set(line.id, problem);
      if (usesOwnPrevious(parsed.ast)) used.delete(line.id);
      this.uses.set(line.id, used);
      for (const target of used) {
        const dependents = this.usedBy.get(target);
        if (dependents === undefined) this.usedBy.set(target, new Set([line.id]));
        else dependents.add(line.id);
      }
    }
    // Kahn's algorithm over formula lines; what is left over sits on or behind a cycle.
    const formulaIds = [...this.lines.values()].filter((line) => line.formula !== null).map((line) => line.id);
    const pending = new Map(formulaIds.map((id) => [id, [...(this.uses.get(id) ?? [])].filter((target) => this.lines.get(target)?.formula !== null).length]));
    const ready = formulaIds.filter((id) => pending.get(id) === 0);
    this.order = [];
    for (let next = 0; next < ready.length; next += 1) {
      const id = ready[next];
      if (id === undefined) break;
      this.order.push(id);
      for (const dependent of this.usedBy.get(id) ?? []) {
        const left = (pending.get(dependent) ?? 0) - 1;
        pending.set(dependent, left);
        if (left === 0) ready.push(dependent);
      }
    }
    this.placed = new Set(this.order);
    for (const id of formulaIds) {
      if (!this.placed.has(id) && !structural.has(id)) structural.set(id, this.cycleMessage(id));
    }
    for (const id of formulaIds) {
      const message = structural.get(id);
      if (message !== undefined) this.outcomes.set(id, failed(message, this.periodCount));
    }
    for (const id of this.order) {
      if (!structural.has(id)) this.outcomes.set(id, this.evaluateLine(id));
    }
  }

  private cycleMessage(start: number): string {
    // Walk the uses from `start` until a line repeats: that loop is the cycle to name.
    const path: number[] = [start];
    const seen = new Set<number>([start]);
    let current = start;
    for (;;) {
      const next = [...(this.uses.get(current) ?? [])].find((target) => this.lines.get(target)?.formula !== null && !this.isPlaced(target));
      if (next === undefined) return 'This formula uses a line whose formula cannot be computed.';
      if (seen.has(next)) {
        const loopStart = path.indexOf(next);
        const loop = [...path.slice(loopStart), next].map((id) => this.lines.get(id)?.name ?? '?').join(' → ');
        if (loopStart === 0) return `Circular reference: ${loop}.`;
        return `It uses “${this.lines.get(path[1] ?? next)?.name ?? '?'}”, which is caught in a circular reference (${loop}).`;
      }
      path.push(next);
      seen.add(next);
      current = next;
    }
  }

  private isPlaced(id: number): boolean {
    return this.placed.has(id);
  }

  private evaluateLine(id: number): FormulaOutcome {
    const ast = this.asts.get(id);
    const line = this.lines.get(id);
    if (ast === undefined || line === undefined) return failed('The formula cannot be computed.', this.periodCount);
    for (const used of this.uses.get(id) ?? []) {
      const dependency = this.outcomes.get(used);
      if (dependency?.error !== null && dependency?.error !== undefined) {
        return failed(`It uses “${this.lines.get(used)?.name ?? '?'}”, whose formula has an error.`, this.periodCount);
      }
    }
    const values: (AmountText | null)[] = [];
    const cellErrors: (string | null)[] = [];
    const quantity = this.lines.get(id)?.quantity === true;
    const scale = quantity ? QUANTITY_SCALE : CURRENCY_SCALE;
    // The line's own rounded months, for prev(): each is read back once, not parsed again.
    const own: OwnValues = { texts: [], decimals: [], fixed: [] };
    for (let period = 0; period < this.periodCount; period += 1) {
      // Exact integers first (no Decimal per cell); decimal.js computes the months they cannot.
      const exact = this.integerPath ? evaluateFixed(ast, id, period, own.fixed, this.fixedInputs) : null;
      if (exact !== null) {
        const rounded = roundFixed(exact, scale);
        const value = fixedText(rounded);
        values.push(value);
        cellErrors.push(null);
        own.texts.push(value);
        own.decimals.push(undefined);
        own.fixed.push(rounded);
        continue;
      }
      try {
        const rounded = this.evaluate(ast, id, period, own).toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN);
        const value = rounded.isZero() ? '0' : rounded.toString();
        // The size rule of typed amounts holds for results too: a value nobody could type is an error, not a number.
        if (!rounded.isZero() && rounded.e >= MAX_WHOLE_DIGITS) throw new CellError(`The result, ${value}, is too large: ${tooLargeReason(quantity ? 'quantity' : 'amount')}`);
        values.push(value);
        own.texts.push(value);
        own.decimals.push(rounded);
        own.fixed.push(parseFixed(value));
        cellErrors.push(null);
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        values.push(null);
        own.texts.push(null);
        own.decimals.push(undefined);
        own.fixed.push(null);
        cellErrors.push(error.message);
      }
    }
    return { values, cellErrors, error: null };
  }

  private valueOf(lineId: number, period: number, ownValues: OwnValues, selfId: number): Decimal {
    if (lineId === selfId) {
      const text = ownValues.texts[period];
      if (text === null || text === undefined) throw new CellError('The previous month has no value.');
      let own = ownValues.decimals[period];
      if (own === undefined) ownValues.decimals[period] = own = new Decimal(text);
      return own;
    }
    const outcome = this.outcomes.get(lineId);
    if (outcome !== undefined) {
      const error = outcome.cellErrors[period];
      if (error !== null && error !== undefined) throw new CellError(`“${this.lines.get(lineId)?.name ?? '?'}” has no value here: ${error}`);
      return new Decimal(outcome.values[period] ?? 0);
    }
    return new Decimal(this.lines.get(lineId)?.values[period] ?? 0);
  }

  private lineNamed(name: string): number | undefined {
    const known = this.resolved.get(name);
    if (known !== undefined) return known;
    const found = this.byName.get(name.trim().toLowerCase())?.[0];
    if (found !== undefined) this.resolved.set(name, found);
    return found;
  }

  private resolve(name: string): number {
    const found = this.lineNamed(name);
    if (found === undefined) throw new CellError(`There is no line named “${name}”.`);
    return found;
  }

  /** A number, or a percentage of a number, as a Decimal built once. */
  private constant(node: FormulaNode): Decimal | undefined {
    if (node.kind !== 'number' && !(node.kind === 'percent' && node.operand.kind === 'number')) return undefined;
    let value = this.constants.get(node);
    if (value === undefined) {
      value = node.kind === 'number' ? new Decimal(node.text) : new Decimal(node.operand.kind === 'number' ? node.operand.text : 0).div(100);
      this.constants.set(node, value);
    }
    return value;
  }

  private evaluate(node: FormulaNode, selfId: number, period: number, ownValues: OwnValues): Decimal {
    const constant = this.constant(node);
    if (constant !== undefined) return constant;
    // Direct calls, no closure per node: this runs for every formula line and month at open.
    switch (node.kind) {
      case 'number':
        return new Decimal(node.text);
      case 'percent':
        return this.evaluate(node.operand, selfId, period, ownValues).div(100);
      case 'reference':
        return this.valueOf(this.resolve(node.name), period, ownValues, selfId);
      case 'negate':
        return this.evaluate(node.operand, selfId, period, ownValues).negated();
      case 'binary': {
        const left = this.evaluate(node.left, selfId, period, ownValues);
        const right = this.evaluate(node.right, selfId, period, ownValues);
        if (node.operator === '+') return left.plus(right);
        if (node.operator === '-') return left.minus(right);
        if (node.operator === '*') return left.times(right);
        if (right.isZero()) throw new CellError('Division by zero.');
        return left.div(right);
      }
      case 'compare':
        return comparisonHolds(this.evaluate(node.left, selfId, period, ownValues).comparedTo(this.evaluate(node.right, selfId, period, ownValues)), node.operator) ? ONE : ZERO;
      case 'call':
        return this.call(node, selfId, period, ownValues);
    }
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>, selfId: number, period: number, ownValues: OwnValues): Decimal {
    const recurse = (child: FormulaNode) => this.evaluate(child, selfId, period, ownValues);
    const args = () => node.args.map(recurse);
    switch (node.name) {
      case 'prev': {
        if (period === 0) throw new CellError('prev() has no value in the first month: start with if(period() = 1, start, prev() * 1.02).');
        const target = node.args[0];
        const lineId = target === undefined || target.kind !== 'reference' ? selfId : this.resolve(target.name);
        return this.valueOf(lineId, period - 1, ownValues, selfId);
      }
      case 'sum':
        return args().reduce((total, value) => total.plus(value), new Decimal(0));
      case 'min':
        return Decimal.min(...args());
      case 'max':
        return Decimal.max(...args());
      case 'abs':
        return recurse(node.args[0] ?? { kind: 'number', text: '0' }).abs();
      case 'round': {
        const [value = new Decimal(0), digits = new Decimal(0)] = args();
        return value.toDecimalPlaces(Math.max(0, Math.min(10, digits.toNumber())), Decimal.ROUND_HALF_EVEN);
      }
      case 'if': {
        const [condition, whenTrue, whenFalse] = node.args;
        if (condition === undefined || whenTrue === undefined || whenFalse === undefined) throw new CellError('if takes three arguments.');
        return recurse(condition).isZero() ? recurse(whenFalse) : recurse(whenTrue);
      }
      case 'period':
        return new Decimal(period + 1);
      default:
        throw new CellError(`There is no function “${node.name}”.`);
    }
  }
}

/**
 * A formula line's own months computed so far, rounded as shown: what prev() reads. Texts are
 * null where a month has an error; the Decimal of a month the integer path computed is made
 * when a later month asks for it, and `fixed` is null where a month has no exact integer form.
 */
interface OwnValues {
  texts: (AmountText | null)[];
  decimals: (Decimal | undefined)[];
  fixed: (Fixed | null)[];
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);

function failed(message: string, periodCount: number): FormulaOutcome {
  return { values: new Array<null>(periodCount).fill(null), cellErrors: new Array<null>(periodCount).fill(null), error: message };
}
