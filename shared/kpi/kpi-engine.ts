import type { FiscalCalendar } from '../calendar/fiscal-calendar';
import type { FormulaNode } from '../formula/ast';
import { printFormula } from '../formula/print-formula';
import type { Kpi, KpiInput, KpiUnit } from '../domain/kpi';
import type { PriorYear } from '../domain/workbook';
import type { Proposal } from '../domain/proposal';
import { Decimal } from '../money/decimal';
import type { SheetView } from '../sheet/sheet-view';
import { parseKpiDefinition, type FundedFigure } from './kpi-language';
import { plannedBenefits, subtreeIds, VersionMeasures, type MonthSeries, type SeriesTotal } from './kpi-series';
import { daysInMonth, monthLabel, monthsOf, monthSpan, shiftedSpan, spanLabel, type MonthSpan } from './kpi-spans';

/** The kinds of version a KPI reads: the plan, what happened, and the latest estimate. */
export const VERSION_ROLES = ['budget', 'actual', 'forecast'] as const;
export type VersionRole = (typeof VERSION_ROLES)[number];
export const ROLE_LABELS: Record<VersionRole, string> = { budget: 'Budget', actual: 'Actual', forecast: 'Latest estimate' };

/** A KPI's value over a span in one kind of version, or why it has none (never a silent zero). */
export type KpiOutcome = { ok: true; value: Decimal } | { ok: false; reason: string };

/** What KPIs are computed from: the one model of the sheet for each kind of version, and the rest of the workbook. */
export interface KpiSources {
  calendar: FiscalCalendar;
  views: Partial<Record<VersionRole, SheetView>>;
  /** last year's actuals, for spans that reach before the plan year (ttm) */
  priorYear: PriorYear | null;
  actualsThrough: number | null;
  proposals: readonly Pick<Proposal, 'id' | 'status' | 'flows' | 'departmentId'>[];
  kpis: readonly Kpi[];
  inputs: readonly KpiInput[];
}

/** Amounts of these units add up over months; the others (a ratio, days, a score) are averaged when entered. */
export const ADDITIVE_UNITS: readonly KpiUnit[] = ['money', 'count'];

class KpiError extends Error {}

interface Context {
  role: VersionRole;
  span: MonthSpan;
  departments: ReadonlySet<number> | null;
  departmentKey: string;
}

/**
 * Computes KPIs exactly (decimal.js, no rounding until shown) from the same values, formula
 * results and errors the sheet shows. Measures are kept per version and per line set, so after
 * an edit only the measures that hold the edited lines are added up again.
 */
export class KpiEngine {
  private readonly parsed = new Map<number, { ok: true; ast: FormulaNode } | { ok: false; message: string }>();
  private readonly byName = new Map<string, Kpi>();
  private readonly memo = new Map<string, KpiOutcome>();
  private readonly inputsByKpi = new Map<number, Map<number, Decimal>>();
  private readonly periodCount: number;

  private constructor(
    private readonly sources: KpiSources,
    private readonly measures: Partial<Record<VersionRole, VersionMeasures>>,
  ) {
    for (const kpi of sources.kpis) this.byName.set(kpi.name.toLowerCase(), kpi);
    for (const input of sources.inputs) {
      let months = this.inputsByKpi.get(input.kpiId);
      if (months === undefined) this.inputsByKpi.set(input.kpiId, (months = new Map()));
      months.set(input.period, new Decimal(input.value));
    }
    const anyView = sources.views.budget ?? sources.views.actual ?? sources.views.forecast;
    this.periodCount = anyView?.model.periods.length ?? sources.calendar.periodCount;
  }

  static build(sources: KpiSources): KpiEngine {
    const funded = new Set(sources.proposals.filter((proposal) => proposal.status === 'funded').map((proposal) => proposal.id));
    const measures: Partial<Record<VersionRole, VersionMeasures>> = {};
    for (const role of VERSION_ROLES) {
      const view = sources.views[role];
      if (view !== undefined) measures[role] = new VersionMeasures(view, sources.priorYear, funded);
    }
    return new KpiEngine(sources, measures);
  }

  /** The engine after an edit: the version's new view, keeping every measure the edited lines are not in. */
  withView(role: VersionRole, view: SheetView, changedLineIds: readonly number[]): KpiEngine {
    const measures = { ...this.measures };
    const before = measures[role];
    measures[role] = before === undefined ? undefined : before.withView(view, changedLineIds);
    return new KpiEngine({ ...this.sources, views: { ...this.sources.views, [role]: view } }, measures);
  }

  get kpis(): readonly Kpi[] {
    return this.sources.kpis;
  }

  get actualsThrough(): number | null {
    return this.sources.actualsThrough;
  }

  get calendar(): FiscalCalendar {
    return this.sources.calendar;
  }

  hasRole(role: VersionRole): boolean {
    return this.measures[role] !== undefined;
  }

  /** The KPI's value over the span in the given kind of version. */
  outcome(kpi: Kpi, role: VersionRole, span: MonthSpan): KpiOutcome {
    const key = `${kpi.id}|${role}|${span.first}:${span.last}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    // A placeholder while computing: a loop through kpi(…) that slipped past the check ends here.
    this.memo.set(key, { ok: false, reason: `KPI “${kpi.name}” refers back to itself.` });
    let outcome: KpiOutcome;
    try {
      outcome = { ok: true, value: this.compute(kpi, { role, span, departments: null, departmentKey: '' }) };
    } catch (error) {
      if (!(error instanceof KpiError)) throw error;
      outcome = { ok: false, reason: error.message };
    }
    this.memo.set(key, outcome);
    return outcome;
  }

  private compute(kpi: Kpi, context: Context): Decimal {
    if (kpi.definition === null) return this.entered(kpi, context);
    let parsed = this.parsed.get(kpi.id);
    if (parsed === undefined) this.parsed.set(kpi.id, (parsed = parseKpiDefinition(kpi.definition)));
    if (!parsed.ok) throw new KpiError(parsed.message);
    return this.evaluate(parsed.ast, context);
  }

  /** An input KPI: the months entered in the span, added up (money, counts) or averaged (ratios, days, scores). */
  private entered(kpi: Kpi, context: Context): Decimal {
    if (context.role === 'budget') throw new KpiError(`“${kpi.name}” is entered each month, not planned: its target is its plan.`);
    const months = this.inputsByKpi.get(kpi.id);
    const values = monthsOf(context.span).flatMap((month) => {
      const value = months?.get(month);
      return value === undefined ? [] : [value];
    });
    if (values.length === 0) throw new KpiError(`No value of “${kpi.name}” is entered for ${spanLabel(this.sources.calendar, context.span)}.`);
    const total = values.reduce((sum, value) => sum.plus(value), new Decimal(0));
    return ADDITIVE_UNITS.includes(kpi.unit) ? total : total.div(values.length);
  }

  private evaluate(node: FormulaNode, context: Context): Decimal {
    switch (node.kind) {
      case 'number':
        return new Decimal(node.text);
      case 'percent':
        return this.evaluate(node.operand, context).div(100);
      case 'negate':
        return this.evaluate(node.operand, context).neg();
      case 'reference':
        return this.line(node.name, context);
      case 'binary': {
        const left = this.evaluate(node.left, context);
        const right = this.evaluate(node.right, context);
        if (node.operator === '+') return left.plus(right);
        if (node.operator === '-') return left.minus(right);
        if (node.operator === '*') return left.times(right);
        if (right.isZero()) throw new KpiError(`${printFormula(node.right)} is 0 in ${this.where(context)}: it cannot be divided by.`);
        return left.div(right);
      }
      case 'compare': {
        const order = this.evaluate(node.left, context).comparedTo(this.evaluate(node.right, context));
        const holds = { '=': order === 0, '<>': order !== 0, '<': order < 0, '<=': order <= 0, '>': order > 0, '>=': order >= 0 }[node.operator];
        return new Decimal(holds ? 1 : 0);
      }
      case 'call':
        return this.call(node, context);
    }
  }

  private call(node: Extract<FormulaNode, { kind: 'call' }>, context: Context): Decimal {
    const args = () => node.args.map((arg) => this.evaluate(arg, context));
    // The parser checked how many arguments each function takes; this reads one, typed.
    const argument = (index: number): FormulaNode => {
      const arg = node.args[index];
      if (arg === undefined) throw new KpiError(`${node.name} is missing an argument.`);
      return arg;
    };
    const first = node.args[0];
    const name = first?.kind === 'reference' ? first.name : '';
    switch (node.name) {
      case 'sum':
        return args().reduce((total, value) => total.plus(value), new Decimal(0));
      case 'min':
        return Decimal.min(...args());
      case 'max':
        return Decimal.max(...args());
      case 'abs':
        return this.evaluate(argument(0), context).abs();
      case 'round': {
        const [value = new Decimal(0), digits = new Decimal(0)] = args();
        return value.toDecimalPlaces(Math.max(0, Math.min(10, digits.toNumber())), Decimal.ROUND_HALF_EVEN);
      }
      case 'if':
        return this.evaluate(argument(0), context).isZero() ? this.evaluate(argument(2), context) : this.evaluate(argument(1), context);
      case 'line':
        return this.line(name, context);
      case 'account':
        return this.account(name, context);
      case 'dept':
        return this.evaluate(argument(1), this.department(name, context));
      case 'kpi':
        return this.otherKpi(name, context);
      case 'revenue':
      case 'cogs':
      case 'opex':
      case 'capex':
      case 'operating_income':
        return this.sum(this.measuresOf(context).total(node.name as SeriesTotal, context.departments, context.departmentKey), context);
      case 'budget':
      case 'actual':
      case 'forecast':
        return this.evaluate(argument(0), { ...context, role: node.name });
      case 'month':
      case 'qtd':
      case 'ytd':
      case 'ttm':
        return this.evaluate(argument(0), { ...context, span: shiftedSpan(node.name, context.span) });
      case 'average': {
        const months = monthsOf(context.span);
        const measured = argument(0);
        const total = months.reduce((sum, month) => sum.plus(this.evaluate(measured, { ...context, span: monthSpan(month, month) })), new Decimal(0));
        return total.div(months.length);
      }
      case 'days':
        return new Decimal(monthsOf(context.span).reduce((days, month) => days + daysInMonth(this.sources.calendar, month), 0));
      case 'funded':
        return this.funded(name.toLowerCase() as FundedFigure, context);
      default:
        throw new KpiError(`There is no function “${node.name}” in KPI definitions.`);
    }
  }

  private measuresOf(context: Context): VersionMeasures {
    const measures = this.measures[context.role];
    if (measures === undefined) {
      const what = { budget: 'budget', actual: 'actuals version for the plan year', forecast: 'forecast' }[context.role];
      throw new KpiError(`There is no ${what} to read: create one under Versions, or pick one for the dashboard.`);
    }
    return measures;
  }

  private where(context: Context): string {
    return `${spanLabel(this.sources.calendar, context.span)} (${ROLE_LABELS[context.role].toLowerCase()})`;
  }

  /** Adds a measure up over the span, refusing months that are in error, not closed, or not known. */
  private sum(series: MonthSeries, context: Context): Decimal {
    let total = new Decimal(0);
    const closed = this.sources.actualsThrough;
    for (const month of monthsOf(context.span)) {
      if (month >= series.values.length) throw new KpiError(`${monthLabel(this.sources.calendar, month)} is past the plan year: KPIs measure its ${series.values.length} months.`);
      if (context.role === 'actual' && month >= 0 && (closed === null || month > closed)) {
        throw new KpiError(closed === null ? 'No month is closed yet: actuals start when the first month closes.' : `Actuals run through ${monthLabel(this.sources.calendar, closed)}: ${monthLabel(this.sources.calendar, month)} is not closed.`);
      }
      const error = series.errors.get(month);
      if (error !== undefined) throw new KpiError(`${error} (${monthLabel(this.sources.calendar, month)})`);
      if (month < 0) {
        const lastYear = series.lastYear;
        if (lastYear === null) throw new KpiError(`${this.where(context)} reaches into last year, and the workbook holds no actuals for last year: import them.`);
        total = total.plus(lastYear[month + 12] ?? 0);
      } else {
        total = total.plus(series.values[month] ?? 0);
      }
    }
    return total;
  }

  private line(name: string, context: Context): Decimal {
    const measures = this.measuresOf(context);
    const lines = measures.linesNamed(name);
    if (lines.length === 0) throw new KpiError(`There is no line named “${name}”.`);
    const [only] = lines;
    if (only === undefined || lines.length > 1) throw new KpiError(`${lines.length} lines are named “${name}”: rename one.`);
    const lineId = only.line.id;
    return this.sum(measures.series({ key: `line:${lineId}|${context.departmentKey}`, kind: 'lines', includes: (row) => row.line.id === lineId && (context.departments === null || context.departments.has(row.line.departmentId)) }), context);
  }

  private account(name: string, context: Context): Decimal {
    const measures = this.measuresOf(context);
    const wanted = name.toLowerCase();
    const account = measures.accounts.find((candidate) => candidate.code.toLowerCase() === wanted) ?? measures.accounts.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (account === undefined) throw new KpiError(`There is no account “${name}”.`);
    return this.sum(measures.account(subtreeIds(measures.accounts, [account.id]), String(account.id), context.departments, context.departmentKey), context);
  }

  private department(name: string, context: Context): Context {
    const measures = this.measuresOf(context);
    const department = measures.departments.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (department === undefined) throw new KpiError(`There is no department “${name}”.`);
    const inside = subtreeIds(measures.departments, [department.id]);
    const outer = context.departments;
    const departments = outer === null ? inside : new Set([...inside].filter((id) => outer.has(id)));
    return { ...context, departments, departmentKey: `${context.departmentKey}/d${department.id}` };
  }

  private otherKpi(name: string, context: Context): Decimal {
    const other = this.byName.get(name.toLowerCase());
    if (other === undefined) throw new KpiError(`There is no KPI named “${name}”.`);
    const outcome = this.outcome(other, context.role, context.span);
    if (!outcome.ok) throw new KpiError(`${other.name}: ${outcome.reason}`);
    return outcome.value;
  }

  /** Funded proposals: their costs as their lines hold them; their benefits as planned, or as realised on linked revenue lines. */
  private funded(figure: FundedFigure, context: Context): Decimal {
    const measures = this.measuresOf(context);
    // Nothing funded is not a return of 0: say so, rather than let a ratio divide by a zero it made up.
    if (!this.sources.proposals.some((proposal) => proposal.status === 'funded')) throw new KpiError('No proposal is funded yet: fund one under Proposals and its costs and benefits count here.');
    if (figure !== 'benefit') return this.sum(measures.fundedCost(figure, context.departments, context.departmentKey), context);
    const inScope = (departmentId: number | null) => context.departments === null || (departmentId !== null && context.departments.has(departmentId));
    const funded = this.sources.proposals.filter((proposal) => proposal.status === 'funded' && inScope(proposal.departmentId));
    const realised = context.role === 'actual' ? measures.proposalsWithBenefitLines() : new Set<number>();
    const planned = plannedBenefits(funded.filter((proposal) => !realised.has(proposal.id)), this.periodCount);
    // Planned benefits are a plan, not actuals: read them over the span whatever the closing.
    const plan = this.sum(planned, { ...context, role: 'budget' });
    return realised.size === 0 ? plan : plan.plus(this.sum(measures.realisedBenefits(realised), context));
  }
}
