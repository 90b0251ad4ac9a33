import { FLOW_KINDS, RISK_RATINGS, type Criterion, type FlowKind, type Proposal } from '../../shared/domain/proposal';
import type { ProposalEdit, ProposalFields, ProposalFlow } from '../../shared/domain/proposal-fields';
import type { Department } from '../../shared/domain/workbook';
import { toQuantityText } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import { parseAmount } from '../../shared/money/parse-amount';
import type { CellWrite } from '../selection/cell-range';
import type { SpreadsheetCells } from '../grid/spreadsheet/use-spreadsheet';
import { formatMoney } from './format-metric';
import { readPrerequisiteTitles } from './read-prerequisite-titles';

/** What one typed or pasted cell changes of its proposal. */
type CellChange = { fields: ProposalFields } | { flow: ProposalFlow } | { score: { criterionId: number; score: string | null } };
type Parsed = { ok: true; change: CellChange } | { ok: false; message: string };

/** A column of the proposals sheet: the inputs of a proposal, one cell each. */
export interface InputColumn {
  id: string;
  header: string;
  /** the header over a run of columns (a flow's years, the scores), or null */
  group: string | null;
  width: number;
  numeric: boolean;
  /** the choices a cell takes, for a drop-down editor */
  choices?: readonly string[];
  /** the cell as entered and copied; null when empty */
  value(proposal: Proposal): string | null;
  /** the cell as shown */
  display(proposal: Proposal): string;
  /** reads a typed or pasted entry (null: emptied); absent for cells the sheet computes or decisions set */
  parse?(text: string | null): Parsed;
}

export interface SheetContext {
  departments: readonly Department[];
  criteria: readonly Criterion[];
  years: number;
  /** the label of year 1 ("FY2027"), for the flow columns' headers */
  firstYearLabel: string;
  /** the workbook's currency (an ISO code): its own mark is taken in amounts, another is refused */
  currency: string;
  /** every proposal's id and title as they are now, to name prerequisites and read them back (a getter, so the columns outlive an edit) */
  proposalTitles: () => readonly Pick<Proposal, 'id' | 'title'>[];
}

const FLOW_GROUPS: Record<FlowKind, string> = { capex: 'Capital cost', opex: 'Operating cost', benefit: 'Benefits' };

function textColumn(id: keyof Pick<Proposal, 'title' | 'owner' | 'category' | 'goal'>, header: string, width: number, limit: number): InputColumn {
  return {
    id,
    header,
    group: null,
    width,
    numeric: false,
    value: (proposal) => (proposal[id] === '' ? null : proposal[id]),
    display: (proposal) => proposal[id],
    parse: (text) => {
      const trimmed = (text ?? '').trim();
      if (id === 'title' && trimmed === '') return { ok: false, message: 'A proposal needs a title.' };
      if (trimmed.length > limit) return { ok: false, message: `${header} takes at most ${limit} characters.` };
      return { ok: true, change: { fields: { [id]: trimmed } } };
    },
  };
}

/**
 * The proposals a proposal needs, by title, comma-separated. A typed or pasted list is read back
 * by title (case-insensitive), the longest titles first (see readPrerequisiteTitles).
 */
function prerequisiteColumn(context: SheetContext): InputColumn {
  const names = (proposal: Proposal) => {
    const titleOf = new Map(context.proposalTitles().map((other) => [other.id, other.title]));
    return proposal.prerequisites.map((id) => titleOf.get(id) ?? `#${id}`).join(', ');
  };
  return {
    id: 'prerequisites',
    header: 'Prerequisites',
    group: null,
    width: 200,
    numeric: false,
    value: (proposal) => (proposal.prerequisites.length === 0 ? null : names(proposal)),
    display: names,
    parse: (text) => {
      const read = readPrerequisiteTitles(text, context.proposalTitles());
      return read.ok ? { ok: true, change: { fields: { prerequisites: read.ids } } } : read;
    },
  };
}

function yearLabel(context: SheetContext, year: number): string {
  const first = Number(context.firstYearLabel.replace(/\D/g, ''));
  return first > 0 ? `FY${first + year}` : `Year ${year + 1}`;
}

/** The proposals sheet's columns: fields, scores per criterion, then each flow by year. */
export function inputColumns(context: SheetContext): InputColumn[] {
  const departmentName = new Map(context.departments.map((department) => [department.id, department.name]));
  const columns: InputColumn[] = [
    textColumn('title', 'Proposal', 230, 200),
    textColumn('owner', 'Owner', 110, 120),
    {
      id: 'department',
      header: 'Department',
      group: null,
      width: 120,
      numeric: false,
      choices: ['', ...context.departments.map((department) => department.name)],
      value: (proposal) => (proposal.departmentId === null ? null : (departmentName.get(proposal.departmentId) ?? null)),
      display: (proposal) => (proposal.departmentId === null ? '' : (departmentName.get(proposal.departmentId) ?? '')),
      parse: (text) => {
        const name = (text ?? '').trim();
        if (name === '') return { ok: true, change: { fields: { departmentId: null } } };
        const department = context.departments.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
        if (department === undefined) return { ok: false, message: `There is no department “${name}”. Departments: ${context.departments.map((candidate) => candidate.name).join(', ')}.` };
        return { ok: true, change: { fields: { departmentId: department.id } } };
      },
    },
    textColumn('category', 'Category', 110, 120),
    textColumn('goal', 'Strategic goal', 140, 200),
    {
      id: 'status',
      header: 'Status',
      group: null,
      width: 84,
      numeric: false,
      value: (proposal) => proposal.status,
      display: (proposal) => proposal.status,
    },
    {
      id: 'risk',
      header: 'Risk',
      group: null,
      width: 80,
      numeric: false,
      choices: RISK_RATINGS,
      value: (proposal) => proposal.risk,
      display: (proposal) => proposal.risk,
      parse: (text) => {
        const risk = RISK_RATINGS.find((rating) => rating === (text ?? '').trim().toLowerCase());
        return risk === undefined ? { ok: false, message: `Risk is one of ${RISK_RATINGS.join(', ')}.` } : { ok: true, change: { fields: { risk } } };
      },
    },
    {
      id: 'usefulLife',
      header: 'Life (years)',
      group: null,
      width: 86,
      numeric: true,
      value: (proposal) => (proposal.usefulLife === null ? null : String(proposal.usefulLife)),
      display: (proposal) => (proposal.usefulLife === null ? '' : String(proposal.usefulLife)),
      parse: (text) => {
        const trimmed = (text ?? '').trim();
        if (trimmed === '') return { ok: true, change: { fields: { usefulLife: null } } };
        if (!/^\d{1,3}$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > 100) return { ok: false, message: `“${trimmed}” is not a useful life: type whole years from 1 to 100.` };
        return { ok: true, change: { fields: { usefulLife: Number(trimmed) } } };
      },
    },
    {
      id: 'mandatory',
      header: 'Mandatory',
      group: null,
      width: 88,
      numeric: false,
      choices: ['no', 'yes'],
      value: (proposal) => (proposal.mandatory ? 'yes' : 'no'),
      display: (proposal) => (proposal.mandatory ? 'yes' : 'no'),
      parse: (text) => {
        const answer = (text ?? '').trim().toLowerCase();
        if (['yes', 'y', 'true', '1'].includes(answer)) return { ok: true, change: { fields: { mandatory: true } } };
        if (['no', 'n', 'false', '0', ''].includes(answer)) return { ok: true, change: { fields: { mandatory: false } } };
        return { ok: false, message: `Mandatory is yes or no, not “${answer}”.` };
      },
    },
    prerequisiteColumn(context),
  ];
  for (const criterion of context.criteria) {
    columns.push({
      id: `score-${criterion.id}`,
      header: criterion.name,
      group: 'Scores (0–10)',
      width: 96,
      numeric: true,
      value: (proposal) => proposal.scores[criterion.id] ?? null,
      display: (proposal) => proposal.scores[criterion.id] ?? '',
      parse: (text) => {
        const trimmed = (text ?? '').trim();
        if (trimmed === '') return { ok: true, change: { score: { criterionId: criterion.id, score: null } } };
        if (!/^\d+(\.\d{1,6})?$/.test(trimmed) || new Decimal(trimmed).gt(10)) return { ok: false, message: `“${trimmed}” is not a score: type a number from 0 to 10, such as 7 or 7.5.` };
        return { ok: true, change: { score: { criterionId: criterion.id, score: toQuantityText(new Decimal(trimmed)) } } };
      },
    });
  }
  for (const kind of FLOW_KINDS) {
    for (let year = 0; year < context.years; year += 1) {
      columns.push({
        id: `${kind}-${year}`,
        header: yearLabel(context, year),
        group: FLOW_GROUPS[kind],
        width: 100,
        numeric: true,
        value: (proposal) => {
          const amount = proposal.flows[kind][year] ?? '0';
          return amount === '0' ? null : amount;
        },
        display: (proposal) => {
          const amount = proposal.flows[kind][year] ?? '0';
          return amount === '0' ? '' : formatMoney(new Decimal(amount));
        },
        parse: (text) => {
          const parsed = text === null || text.trim() === '' ? ({ ok: true, amount: '0' } as const) : parseAmount(text, context.currency);
          if (!parsed.ok) return { ok: false, message: parsed.message };
          if (parsed.amount.startsWith('-')) return { ok: false, message: 'Costs and benefits are entered as positive amounts.' };
          return { ok: true, change: { flow: { kind, year, amount: parsed.amount } } };
        },
      });
    }
  }
  return columns;
}

/** The proposals sheet's cells for the shared grid behaviour: rows are the proposals in display order. */
export function proposalSheetCells(rows: readonly Proposal[], columns: readonly InputColumn[]): SpreadsheetCells {
  return {
    rows: rows.length,
    columns: columns.length,
    columnIds: columns.map((column) => column.id),
    isDataRow: (row) => row >= 0 && row < rows.length,
    value: (row, column) => {
      const proposal = rows[row];
      const spec = columns[column];
      return proposal === undefined || spec === undefined ? null : spec.value(proposal);
    },
    isWritable: (row, column) => rows[row] !== undefined && columns[column]?.parse !== undefined,
    copyText: (row, column) => {
      const proposal = rows[row];
      const spec = columns[column];
      return proposal === undefined || spec === undefined ? '' : (spec.value(proposal) ?? '');
    },
  };
}

export type SheetEditPlan = { ok: true; edits: ProposalEdit[] } | { ok: false; message: string; where: string };

/** Reads every written cell; all must be good, or the plan names the first bad one (by proposal and column) and nothing is written. */
export function proposalEdits(writes: readonly CellWrite[], rows: readonly Proposal[], columns: readonly InputColumn[]): SheetEditPlan {
  const byProposal = new Map<number, ProposalEdit>();
  for (const write of writes) {
    const proposal = rows[write.row];
    const column = columns[write.column];
    if (proposal === undefined || column === undefined) continue;
    const where = `${proposal.title}, ${column.group === null ? column.header : `${column.group} ${column.header}`}`;
    if (column.parse === undefined) {
      return { ok: false, message: `Nothing was changed: ${column.header} is set by decisions (F, D, R, P), not typed.`, where };
    }
    const parsed = column.parse(write.value);
    if (!parsed.ok) return { ok: false, message: `Nothing was changed. ${parsed.message}`, where };
    let edit = byProposal.get(proposal.id);
    if (edit === undefined) {
      edit = { proposalId: proposal.id };
      byProposal.set(proposal.id, edit);
    }
    const change = parsed.change;
    if ('fields' in change) edit.fields = { ...edit.fields, ...change.fields };
    else if ('flow' in change) (edit.flows ??= []).push(change.flow);
    else (edit.scores ??= []).push(change.score);
  }
  return { ok: true, edits: [...byProposal.values()] };
}
