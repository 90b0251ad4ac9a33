import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';
import { periodsOf } from '../../shared/calendar/fiscal-calendar';
import type { Proposal } from '../../shared/domain/proposal';
import { DEFAULT_PLACEMENT, placeYears, spanLabel, type FundingAccount, type FundingOptions, type FundingPlacement } from '../../shared/portfolio/funding-placement';
import { writeRow, type RowChange, type StoredRow } from './edit-steps';
import type { WorkbookStore } from './workbook-store';

const span = z.object({ from: z.number().int().min(0).max(11), to: z.number().int().min(0).max(11) }).strict();
/** The placement a proposal row remembers, read defensively: a value this version cannot read is not proposed. */
const storedPlacement = z.object({ capitalAccountId: z.number().int().nullable(), operatingAccountId: z.number().int().nullable(), capitalMonths: span, operatingMonths: span }).strict();

const KINDS = [
  { kind: 'capex', type: 'capex', label: 'capital', account: 'capitalAccountId', months: 'capitalMonths', words: 'capital' },
  { kind: 'opex', type: 'opex', label: 'operating', account: 'operatingAccountId', months: 'operatingMonths', words: 'operating' },
] as const;

/** Accounts a funding can post to: of the type, in money, not a header over other accounts, in the chart's order. */
function accountsOf(db: Database.Database, type: 'capex' | 'opex'): FundingAccount[] {
  return db
    .prepare<[string], { id: number; code: string; name: string }>(
      "SELECT id, code, name FROM accounts a WHERE type = ? AND unit = 'currency' AND NOT EXISTS (SELECT 1 FROM accounts c WHERE c.parent_id = a.id) ORDER BY sort_order, id",
    )
    .all(type)
    .map((row) => ({ id: row.id, label: `${row.code} ${row.name}` }));
}

/** The placement a proposal's row remembers, or null. */
export function rememberedPlacement(row: StoredRow): FundingPlacement | null {
  if (typeof row.funding !== 'string') return null;
  try {
    const parsed = storedPlacement.safeParse(JSON.parse(row.funding));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A placement checked against the chart as it is now: each account must be one a funding can post
 * to (of its type, in money, not a header), each span must run forward. Null accounts become the
 * chart's first of the type. Refused with the field named.
 */
export function checkedPlacement(db: Database.Database, placement: FundingPlacement): FundingPlacement {
  const resolved = { ...placement };
  for (const { type, account, months, words } of KINDS) {
    const choices = accountsOf(db, type);
    const chosen = placement[account];
    if (chosen === null) resolved[account] = choices[0]?.id ?? null;
    else if (!choices.some((choice) => choice.id === chosen)) {
      throw new ApiError('invalid-input', `Account ${chosen} cannot take ${words} costs: choose one of ${choices.map((choice) => choice.label).join(', ') || `the chart's ${words} accounts (it has none)`}.`, `funding.${account}`);
    }
    const { from, to } = placement[months];
    if (from > to) throw new ApiError('invalid-input', `The ${words} months run backwards (month ${from + 1} to month ${to + 1}): give the first month first.`, `funding.${months}`);
  }
  return resolved;
}

/** What the fund dialog proposes for a proposal: its remembered placement where it still fits the chart, else the default. */
export function fundingOptions(workbook: WorkbookStore, row: StoredRow, departmentName: string): FundingOptions {
  const db = workbook.database;
  const capitalAccounts = accountsOf(db, 'capex');
  const operatingAccounts = accountsOf(db, 'opex');
  const remembered = rememberedPlacement(row);
  let placement: FundingPlacement;
  try {
    placement = checkedPlacement(db, remembered ?? DEFAULT_PLACEMENT);
  } catch {
    // An account remembered but deleted or changed since: propose the default instead.
    placement = checkedPlacement(db, DEFAULT_PLACEMENT);
  }
  const monthNames = periodsOf({ ...workbook.calendar(), periodCount: 12 }).map((period) => period.label.split(' ')[0] ?? period.label);
  // Remembered only while the chart still takes it as it was chosen.
  const asRemembered = remembered !== null && JSON.stringify(placement) === JSON.stringify(remembered);
  return { placement, remembered: asRemembered, capitalAccounts, operatingAccounts, monthNames, department: departmentName };
}

/** How the trail says a remembered placement (the JSON of a proposal's `funding`), or the text as it is when it cannot be read. */
export function placementText(db: Database.Database, stored: string): string {
  const placement = rememberedPlacement({ funding: stored });
  if (placement === null) return stored;
  const startMonth = Number(db.prepare<[], string>("SELECT value FROM workbook_settings WHERE key = 'fiscal_start_month'").pluck().get() ?? '1');
  const monthNames = periodsOf({ startYear: 2000, startMonth: Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12 ? startMonth : 1, periodCount: 12 }).map((period) => period.label.split(' ')[0] ?? period.label);
  return describePlacement(db, placement, monthNames);
}

/** How the trail and messages say a placement: “capital to 1500 Equipment in Mar; operating to 6300 Software in Jan–Dec”. */
export function describePlacement(db: Database.Database, placement: FundingPlacement, monthNames: readonly string[]): string {
  const account = db.prepare<[number], string>("SELECT code || ' ' || name FROM accounts WHERE id = ?").pluck();
  return KINDS.map(({ account: field, months, words }) => {
    const id = placement[field];
    const name = id === null ? `the first ${words} account` : ((account.get(id) as string | undefined) ?? `account ${id}`);
    return `${words} to ${name} in ${spanLabel(placement[months], monthNames)}`;
  }).join('; ');
}

/**
 * Writes a funded proposal's costs into the budget version as lines of its department linked to it,
 * on the placement's accounts and months; returns the rows written (for the undo step).
 */
export function addBudgetLines(workbook: WorkbookStore, proposal: Proposal, placement: FundingPlacement): RowChange[] {
  const db = workbook.database;
  const { periodCount } = workbook.calendar();
  const versionId = workbook.defaultVersionId();
  const departmentId = proposal.departmentId ?? (db.prepare<[], number>('SELECT id FROM departments ORDER BY sort_order, id LIMIT 1').pluck().get() as number);
  const changes: RowChange[] = [];
  for (const { kind, label, account, months } of KINDS) {
    const accountId = placement[account];
    const placed = placeYears(proposal.flows[kind], placement[months], periodCount);
    if (!placed.ok) throw new ApiError('invalid-input', `The ${label} costs of year ${placed.year + 1} of “${proposal.title}” could not be spread over their months: ${placed.message}`, 'proposalId');
    if (accountId === null || placed.placed.length === 0) continue;
    const sortOrder = db.prepare<[], number>('SELECT COALESCE(MAX(sort_order), 0) + 1 FROM budget_lines').pluck().get() as number;
    const lineId = Number(
      db
        // The lines serve the proposal's goal: tagged with it, so the goals view counts what funding spends.
        .prepare('INSERT INTO budget_lines (department_id, account_id, description, sort_order, proposal_id, goal_id) VALUES (?, ?, ?, ?, ?, ?)')
        .run(departmentId, accountId, `${proposal.title} (${label})`, sortOrder, proposal.id, proposal.goalId).lastInsertRowid,
    );
    changes.push({ table: 'budget_lines', before: null, after: db.prepare<[number], StoredRow>('SELECT * FROM budget_lines WHERE id = ?').get(lineId) ?? null });
    for (const { period, amount } of placed.placed) {
      const cell = { line_id: lineId, version_id: versionId, period, amount };
      writeRow(db, 'cell_values', null, cell);
      changes.push({ table: 'cell_values', before: null, after: cell });
    }
  }
  return changes;
}

/** Deletes the budget lines a funding created (their amounts first); returns the rows removed. */
export function removeBudgetLines(db: Database.Database, proposalId: number): RowChange[] {
  const lines = db.prepare<[number], StoredRow>('SELECT * FROM budget_lines WHERE proposal_id = ?').all(proposalId);
  const changes: RowChange[] = [];
  for (const line of lines) {
    const cells = db.prepare<[number], StoredRow>('SELECT * FROM cell_values WHERE line_id = ?').all(line.id as number);
    const comments = db.prepare<[number], number>('SELECT COUNT(*) FROM comments WHERE line_id = ?').pluck().get(line.id as number) as number;
    if (comments > 0) throw new ApiError('invalid-input', `The budget line “${String(line.description)}” has comments; delete them before taking the funding back.`, 'proposalId');
    for (const cell of cells) {
      writeRow(db, 'cell_values', cell, null);
      changes.push({ table: 'cell_values', before: cell, after: null });
    }
    writeRow(db, 'budget_lines', line, null);
    changes.push({ table: 'budget_lines', before: line, after: null });
  }
  return changes;
}
