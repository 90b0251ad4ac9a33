import type { Kpi } from '../../shared/domain/kpi';
import type { AccountType } from '../../shared/domain/workbook';
import type { FormulaNode } from '../../shared/formula/ast';
import { parseKpiDefinition } from '../../shared/kpi/kpi-language';
import { subtreeIds } from '../../shared/kpi/kpi-series';
import { monthSpan, shiftedSpan, type MonthSpan } from '../../shared/kpi/kpi-spans';
import { amountOf } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';

/** Which lines a part of a definition reads, over which months. */
interface LinePick {
  includes(row: LineRow): boolean;
  span: MonthSpan;
}

/** A line behind a KPI: what it holds over the months the KPI reads it for. */
export interface LineBehind {
  lineId: number;
  description: string;
  department: string;
  account: string;
  value: Decimal;
  /** the month to put the cursor on in the sheet */
  period: number;
}

const TOTAL_TYPES: Record<string, readonly AccountType[]> = {
  revenue: ['revenue'],
  cogs: ['cogs'],
  opex: ['opex'],
  capex: ['capex'],
  operating_income: ['revenue', 'cogs', 'opex'],
};

/** The parts of a definition that read lines, followed through kpi(…) (each KPI once), with the months each reads. */
function picksOf(definition: string, view: SheetView, kpis: readonly Kpi[], span: MonthSpan, fundedIds: ReadonlySet<number>, seen: Set<string>): LinePick[] {
  const parsed = parseKpiDefinition(definition);
  if (!parsed.ok) return [];
  const picks: LinePick[] = [];
  const within = (departments: ReadonlySet<number> | null, row: LineRow) => departments === null || departments.has(row.line.departmentId);
  const walk = (node: FormulaNode, months: MonthSpan, departments: ReadonlySet<number> | null): void => {
    switch (node.kind) {
      case 'number':
        return;
      case 'reference': {
        const name = node.name.toLowerCase();
        picks.push({ includes: (row) => row.line.description.toLowerCase() === name && within(departments, row), span: months });
        return;
      }
      case 'percent':
      case 'negate':
        walk(node.operand, months, departments);
        return;
      case 'binary':
      case 'compare':
        walk(node.left, months, departments);
        walk(node.right, months, departments);
        return;
      case 'call':
        break;
    }
    const first = node.args[0];
    const name = first?.kind === 'reference' ? first.name.toLowerCase() : '';
    if (node.name === 'line') return first === undefined ? undefined : walk(first, months, departments);
    if (node.name === 'account') {
      const account = view.model.accounts.find((candidate) => candidate.code.toLowerCase() === name) ?? view.model.accounts.find((candidate) => candidate.name.toLowerCase() === name);
      if (account === undefined) return;
      const accounts = subtreeIds(view.model.accounts, [account.id]);
      picks.push({ includes: (row) => accounts.has(row.line.accountId) && within(departments, row), span: months });
      return;
    }
    if (node.name === 'dept') {
      const department = view.model.departments.find((candidate) => candidate.name.toLowerCase() === name);
      if (department === undefined || node.args[1] === undefined) return;
      const inside = subtreeIds(view.model.departments, [department.id]);
      walk(node.args[1], months, departments === null ? inside : new Set([...inside].filter((id) => departments.has(id))));
      return;
    }
    const types = TOTAL_TYPES[node.name];
    if (types !== undefined) {
      picks.push({ includes: (row) => types.includes(row.account.type) && within(departments, row), span: months });
      return;
    }
    if (node.name === 'funded' && (name === 'capital' || name === 'opex')) {
      const type: AccountType = name === 'capital' ? 'capex' : 'opex';
      picks.push({ includes: (row) => row.account.type === type && row.line.proposalId != null && fundedIds.has(row.line.proposalId) && within(departments, row), span: months });
      return;
    }
    if (node.name === 'kpi') {
      const other = kpis.find((candidate) => candidate.name.toLowerCase() === name);
      if (other?.definition == null || seen.has(name)) return;
      seen.add(name);
      picks.push(...picksOf(other.definition, view, kpis, months, fundedIds, seen).map((pick) => ({ ...pick, includes: (row: LineRow) => pick.includes(row) && within(departments, row) })));
      return;
    }
    if (node.name === 'month' || node.name === 'qtd' || node.name === 'ytd' || node.name === 'ttm') {
      const shifted = shiftedSpan(node.name, months);
      // Last year's months are not in the sheet: the plan year's part of the span stands for them.
      if (first === undefined) return;
      return walk(first, monthSpan(Math.max(0, shifted.first), Math.max(0, shifted.last)), departments);
    }
    node.args.forEach((arg) => walk(arg, months, departments));
  };
  walk(parsed.ast, span, null);
  return picks;
}

/**
 * The lines a KPI's definition reads (its lines, accounts, departments and totals, through the
 * KPIs it uses), biggest first by what each holds over the months the KPI reads it for; at most
 * `limit`. Empty for an input KPI, or one that names no lines (days(), funded(benefit)).
 */
export function linesBehind(kpi: Kpi, kpis: readonly Kpi[], view: SheetView, span: MonthSpan, fundedIds: ReadonlySet<number>, limit = 8): { lines: LineBehind[]; more: number } {
  if (kpi.definition === null) return { lines: [], more: 0 };
  const picks = picksOf(kpi.definition, view, kpis, span, fundedIds, new Set([kpi.name.toLowerCase()]));
  if (picks.length === 0) return { lines: [], more: 0 };
  const periodCount = view.model.periods.length;
  const found: { row: LineRow; span: MonthSpan; size: number }[] = [];
  for (const row of view.rows) {
    const pick = picks.find((candidate) => candidate.includes(row));
    if (pick === undefined) continue;
    // A quick size to rank by; the figures shown are exact.
    let size = 0;
    for (let month = pick.span.first; month <= Math.min(pick.span.last, periodCount - 1); month += 1) size += Number(row.line.values[month] ?? 0);
    found.push({ row, span: pick.span, size: Math.abs(size) });
  }
  found.sort((a, b) => b.size - a.size);
  const lines = found.slice(0, limit).map(({ row, span: months }) => {
    let value = new Decimal(0);
    for (let month = months.first; month <= Math.min(months.last, periodCount - 1); month += 1) value = value.plus(amountOf(row.line.values[month] ?? null));
    return { lineId: row.line.id, description: row.line.description, department: row.department, account: `${row.account.code} ${row.account.name}`, value, period: months.first };
  });
  return { lines, more: Math.max(0, found.length - limit) };
}
