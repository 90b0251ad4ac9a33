import { FUNCTIONS, type FormulaNode, type FunctionTable } from '../formula/ast';
import { parseFormula } from '../formula/parse-formula';

/**
 * The KPI language: the line-formula language (arithmetic, comparisons, sum/min/max/abs/round/if)
 * with what KPIs need. Every name in brackets: `[Sensor kits]` is a line; `account([6100])` an
 * account with its children (by code or name); `dept([Operations], x)` restricts x to a
 * department and those under it; `revenue()`, `cogs()`, `opex()`, `capex()`, `operating_income()`
 * are the totals of the sheet; `kpi([Gross margin %])` another KPI. Amounts add up over the span
 * being judged (a month, a quarter, year to date, the year); `ytd(x)`, `qtd(x)`, `ttm(x)` (the
 * trailing twelve months, reaching into last year's actuals) and `month(x)` (the span's last
 * month, as for a balance at month end) measure x over another span; `average(x)` is x's monthly
 * mean over the span; `days()` the days in it. `budget(x)`, `actual(x)`, `forecast(x)` read x in
 * that kind of version. `funded(capital)`, `funded(opex)`, `funded(benefit)` are the funded
 * proposals' figures: from the plan, or once actuals exist from what their lines recorded.
 */
export const KPI_FUNCTIONS: FunctionTable = {
  sum: FUNCTIONS.sum,
  min: FUNCTIONS.min,
  max: FUNCTIONS.max,
  abs: FUNCTIONS.abs,
  round: FUNCTIONS.round,
  if: FUNCTIONS.if,
  line: { min: 1, max: 1, help: 'line([Name]) is a budget line (a name in brackets alone is too)', nameArgument: 0 },
  account: { min: 1, max: 1, help: 'account([6100]) is an account with the accounts under it, by code or name', nameArgument: 0, names: 'an account' },
  dept: { min: 2, max: 2, help: 'dept([Operations], opex()) is what follows for a department and those under it', nameArgument: 0, names: 'a department' },
  kpi: { min: 1, max: 1, help: 'kpi([Gross margin %]) is another KPI', nameArgument: 0, names: 'a KPI' },
  revenue: { min: 0, max: 0, help: 'revenue() is total revenue' },
  cogs: { min: 0, max: 0, help: 'cogs() is the total cost of goods sold' },
  opex: { min: 0, max: 0, help: 'opex() is total operating expenses' },
  capex: { min: 0, max: 0, help: 'capex() is total capital expenses' },
  operating_income: { min: 0, max: 0, help: 'operating_income() is revenue less cost of goods sold and operating expenses' },
  budget: { min: 1, max: 1, help: 'budget(x) is x in the budget' },
  actual: { min: 1, max: 1, help: 'actual(x) is x in the actuals' },
  forecast: { min: 1, max: 1, help: 'forecast(x) is x in the latest forecast' },
  month: { min: 1, max: 1, help: 'month(x) is x in the last month of the span (a balance at month end)' },
  qtd: { min: 1, max: 1, help: 'qtd(x) is x from the start of the quarter' },
  ytd: { min: 1, max: 1, help: 'ytd(x) is x from the start of the fiscal year' },
  ttm: { min: 1, max: 1, help: 'ttm(x) is x over the trailing twelve months' },
  average: { min: 1, max: 1, help: 'average(x) is the monthly average of x over the span' },
  days: { min: 0, max: 0, help: 'days() is the number of days in the span' },
  funded: { min: 1, max: 1, help: 'funded(capital), funded(opex) or funded(benefit) of the funded proposals', nameArgument: 0, names: 'capital, opex or benefit' },
};

export const FUNDED_FIGURES = ['capital', 'opex', 'benefit'] as const;
export type FundedFigure = (typeof FUNDED_FIGURES)[number];

/** What a KPI definition's names must name: the workbook's lines, accounts, departments and KPIs. */
export interface KpiCatalog {
  /** how many lines have this name (case-insensitive) */
  linesNamed(name: string): number;
  hasAccount(nameOrCode: string): boolean;
  hasDepartment(name: string): boolean;
  /** another KPI's definition by name (case-insensitive): undefined when there is none, null for an input KPI */
  kpiDefinition(name: string): string | null | undefined;
}

export type CheckedDefinition = { ok: true; ast: FormulaNode } | { ok: false; message: string };

/** Parses a KPI definition in the KPI language. */
export function parseKpiDefinition(definition: string): CheckedDefinition {
  return parseFormula(definition, KPI_FUNCTIONS);
}

/** Every name a definition uses, with what it names. */
export function namesIn(node: FormulaNode, found: { kind: 'line' | 'account' | 'department' | 'kpi' | 'funded'; name: string }[] = []) {
  switch (node.kind) {
    case 'number':
      return found;
    case 'reference':
      found.push({ kind: 'line', name: node.name });
      return found;
    case 'percent':
    case 'negate':
      return namesIn(node.operand, found);
    case 'binary':
    case 'compare':
      namesIn(node.left, found);
      return namesIn(node.right, found);
    case 'call': {
      const named = node.args[0];
      const kind = ({ line: 'line', account: 'account', dept: 'department', kpi: 'kpi', funded: 'funded' } as const)[node.name as 'line'];
      if (kind !== undefined && named?.kind === 'reference') found.push({ kind, name: named.name });
      node.args.forEach((arg, index) => {
        if (kind === undefined || index > 0) namesIn(arg, found);
      });
      return found;
    }
  }
}

/**
 * Checks a KPI's definition before it is saved: it parses, every name names something that
 * exists (one line, not two of the same name), and it does not loop through other KPIs back to
 * itself. The message names the KPI and what is wrong; null when the definition is sound.
 */
export function checkKpiDefinition(kpiName: string, definition: string, catalog: KpiCatalog): string | null {
  const parsed = parseKpiDefinition(definition);
  if (!parsed.ok) return `KPI “${kpiName}”: ${parsed.message}`;
  for (const used of namesIn(parsed.ast)) {
    const problem = missingName(used, catalog);
    if (problem !== null) return `KPI “${kpiName}”: ${problem}`;
  }
  const loop = loopThrough(kpiName, parsed.ast, catalog);
  return loop === null ? null : `KPI “${kpiName}” refers back to itself: ${[kpiName, ...loop].join(' → ')}.`;
}

function missingName(used: { kind: string; name: string }, catalog: KpiCatalog): string | null {
  switch (used.kind) {
    case 'line': {
      const count = catalog.linesNamed(used.name);
      if (count === 0) return `there is no line named “${used.name}”.`;
      return count > 1 ? `${count} lines are named “${used.name}”: rename one, or use account(…) or dept(…, …).` : null;
    }
    case 'account':
      return catalog.hasAccount(used.name) ? null : `there is no account “${used.name}” (give its code or its name).`;
    case 'department':
      return catalog.hasDepartment(used.name) ? null : `there is no department “${used.name}”.`;
    case 'kpi':
      return catalog.kpiDefinition(used.name) === undefined ? `there is no KPI named “${used.name}”.` : null;
    default:
      return (FUNDED_FIGURES as readonly string[]).includes(used.name.toLowerCase()) ? null : `funded(…) takes capital, opex or benefit, not “${used.name}”.`;
  }
}

/** The chain of KPI names that leads back to `start`, or null. */
function loopThrough(start: string, ast: FormulaNode, catalog: KpiCatalog): string[] | null {
  const target = start.toLowerCase();
  const visiting = new Set<string>();
  const walk = (node: FormulaNode): string[] | null => {
    for (const used of namesIn(node)) {
      if (used.kind !== 'kpi') continue;
      const key = used.name.toLowerCase();
      if (key === target) return [used.name];
      if (visiting.has(key)) continue;
      visiting.add(key);
      const definition = catalog.kpiDefinition(used.name);
      if (definition === null || definition === undefined) continue;
      const parsed = parseKpiDefinition(definition);
      if (!parsed.ok) continue;
      const rest = walk(parsed.ast);
      if (rest !== null) return [used.name, ...rest];
    }
    return null;
  };
  return walk(ast);
}
