import type { Account, AccountType, BudgetLine, SheetComment, SheetModel } from '../domain/workbook';
import { amountOf, type AmountText } from '../money/amount';
import type { Decimal } from '../money/decimal';
import { applyCellChanges, computeSheetTotals, type CellChangeForTotals, type SheetTotals, type TotalRow } from '../engine/sheet-totals';
import type { CellEdit } from '../domain/cell-edit';
import { engineLine, FormulaEngine, type FormulaOutcome } from '../formula/formula-engine';
import { SeededFormulas, type SheetFormulas } from '../formula/seeded-formulas';
import { outcomesOfSeed, pairSumsOfSeed, seedFits, totalsOfSeed, type SheetSeed } from './sheet-seed';
import { buildDisplay, updateDisplay, type Grouping, type GroupRow, type SheetDisplay } from './sheet-groups';
import { errorsOfOutcome, firstError, TOTAL_MEMBERS, travelledError, type LineErrors } from './sheet-errors';

/** A budget line as the grid shows it. A new object whenever anything in it changes. */
export interface LineRow {
  kind: 'line';
  id: string;
  /** for a formula line, `values` are what the formula computes */
  line: BudgetLine;
  department: string;
  account: Account;
  year: Decimal;
  /** a formula line's errors: for the whole formula, or per month */
  formulaError: string | null;
  cellErrors: (string | null)[] | null;
}

/** A pinned total row at the foot of the sheet. */
export interface TotalsRow {
  kind: 'total';
  id: string;
  label: string;
  periods: Decimal[];
  year: Decimal;
  /** drawn heavier: the result line */
  emphasis: boolean;
}

export type GridRow = LineRow | GroupRow | TotalsRow;

/** The sheet as the renderer holds it: the model's dimensions, rows in display order, exact totals. */
export interface SheetView {
  model: Omit<SheetModel, 'lines'>;
  rows: LineRow[];
  totals: SheetTotals;
  totalRows: TotalsRow[];
  accountsById: Map<number, Account>;
  /** position of each line in `rows`, by line id */
  rowIndex: Map<number, number>;
  /** what the grid shows: group rows with subtotals and the visible lines */
  display: SheetDisplay;
  /** computes formula lines and knows what depends on what */
  formulas: SheetFormulas;
  /** comments by place: `lineId:period` for a cell, `lineId:line` for the line */
  commentsByPlace: Map<string, SheetComment[]>;
  /** lines in error, with the reason per period: every subtotal and total that includes one shows the error */
  lineErrors: LineErrors;
}

/** The key of a comment's place in `commentsByPlace`. */
export function commentPlace(lineId: number, period: number | null): string {
  return `${lineId}:${period ?? 'line'}`;
}

const UNKNOWN_ACCOUNT: Account = { id: 0, code: '?', name: 'Unknown account', type: 'driver', unit: 'number', parentId: null };

export function rowFor(line: BudgetLine, view: Pick<SheetView, 'model' | 'accountsById'>, year: Decimal, outcome: FormulaOutcome | undefined): LineRow {
  const department = view.model.departments.find((candidate) => candidate.id === line.departmentId)?.name ?? 'Unknown department';
  return {
    kind: 'line',
    id: String(line.id),
    line,
    department,
    account: view.accountsById.get(line.accountId) ?? UNKNOWN_ACCOUNT,
    year,
    formulaError: outcome?.error ?? null,
    cellErrors: outcome?.cellErrors ?? null,
  };
}

export const unitOf = (line: BudgetLine, accountsById: ReadonlyMap<number, Account>) => accountsById.get(line.accountId)?.unit ?? 'currency';

/** The pinned total rows; a row whose totals did not move keeps its identity, so the grid does not redraw it. */
export function totalRowsOf(totals: SheetTotals, previous: readonly TotalsRow[] = []): TotalsRow[] {
  const row = (id: string, label: string, source: TotalRow, emphasis = false): TotalsRow => {
    const before = previous.find((candidate) => candidate.id === id);
    if (before !== undefined && before.periods === source.periods && before.year === source.year) return before;
    return { kind: 'total', id, label, periods: source.periods, year: source.year, emphasis };
  };
  return [
    row('total-revenue', 'Total revenue', totals.byType.revenue),
    row('total-cogs', 'Total cost of goods sold', totals.byType.cogs),
    row('total-opex', 'Total operating expenses', totals.byType.opex),
    row('operating-income', 'Operating income', totals.operatingIncome, true),
    row('total-capex', 'Total capital expenses', totals.byType.capex),
  ];
}

/** A formula line's months: computed, except a forecast's closed months, which hold the actuals as recorded. */
export function withActualMonths(computed: (AmountText | null)[], recorded: readonly (AmountText | null)[], actualMonths: number): (AmountText | null)[] {
  if (actualMonths === 0) return computed;
  return computed.map((value, period) => (period < actualMonths ? (recorded[period] ?? null) : value));
}

/** The formula engine of a sheet's lines as entered. */
export function formulaEngineOf(model: Pick<SheetModel, 'lines' | 'periods'>, accountsById: ReadonlyMap<number, Account>): FormulaEngine {
  return new FormulaEngine(model.lines.map((line) => engineLine(line, unitOf(line, accountsById))), model.periods.length);
}

/** The lines as the sheet shows them: formula lines with what their formula computes (a forecast's closed months: the actuals). */
export function shownLines(model: Pick<SheetModel, 'lines' | 'actualMonths'>, formulas: Pick<SheetFormulas, 'outcome'>): BudgetLine[] {
  return model.lines.map((line) => {
    const outcome = formulas.outcome(line.id);
    return outcome === undefined ? line : { ...line, values: withActualMonths(outcome.values, line.values, model.actualMonths) };
  });
}

/**
 * The sheet's view. With a seed the back computed from these very lines (see sheet-seed.ts), the
 * formulas' outcomes, totals and subtotals are taken from it instead of computed again, and the
 * formula engine is built when first needed; a seed that does not fit is ignored.
 */
export function buildSheetView(model: SheetModel, grouping: Grouping = 'department', collapsed: ReadonlySet<string> = new Set(), seed: SheetSeed | null = null): SheetView {
  const accountsById = new Map(model.accounts.map((account) => [account.id, account]));
  const typeOf = (line: BudgetLine): AccountType => accountsById.get(line.accountId)?.type ?? 'driver';
  const fits = seed !== null && seedFits(seed, model.lines, model.periods.length) ? seed : null;
  const formulas: SheetFormulas = fits === null ? formulaEngineOf(model, accountsById) : new SeededFormulas(outcomesOfSeed(fits, model.periods.length), () => formulaEngineOf(model, accountsById));
  // Formula lines show what their formula computes (a forecast's closed months: the actuals); totals count those values like any other.
  const lines = shownLines(model, formulas);
  const totals = fits === null ? computeSheetTotals(lines, typeOf, model.periods.length) : totalsOfSeed(fits, lines, model.periods.length);
  const { lines: _entered, ...rest } = model;
  const base = { model: rest, accountsById };
  const rows = lines.map((line) => rowFor(line, base, totals.lineYear.get(line.id) ?? amountOf(null), formulas.outcome(line.id)));
  const rowIndex = new Map(rows.map((row, index) => [row.line.id, index]));
  const display = buildDisplay(rows, model.periods.length, grouping, collapsed, model, fits === null ? undefined : pairSumsOfSeed(fits));
  const commentsByPlace = new Map<string, SheetComment[]>();
  for (const comment of model.comments) {
    const key = commentPlace(comment.lineId, comment.period);
    commentsByPlace.set(key, [...(commentsByPlace.get(key) ?? []), comment]);
  }
  const lineErrors = new Map<number, (string | null)[]>();
  for (const line of model.lines) {
    const errors = errorsOfOutcome(formulas.outcome(line.id), model.periods.length, model.actualMonths);
    if (errors !== null) lineErrors.set(line.id, errors);
  }
  return { ...base, rows, totals, totalRows: totalRowsOf(totals), rowIndex, display, formulas, commentsByPlace, lineErrors };
}

/** The same sheet grouped another way, or with other groups collapsed. */
export function regroup(view: SheetView, grouping: Grouping, collapsed: ReadonlySet<string>): SheetView {
  return { ...view, display: buildDisplay(view.rows, view.model.periods.length, grouping, collapsed, view.model) };
}

/** The view after cells change. Rows that did not change keep their identity; each structure is copied once. */
export function withCellValues(view: SheetView, edits: readonly CellEdit[]): SheetView {
  if (edits.length === 0) return view;
  const indexById = view.rowIndex;
  const rows = view.rows.slice();
  const changedValues = new Map<number, (AmountText | null)[]>();
  const changes: CellChangeForTotals[] = [];
  for (const edit of edits) {
    const index = indexById.get(edit.lineId);
    const current = index === undefined ? undefined : rows[index];
    if (current === undefined) continue;
    let values = changedValues.get(edit.lineId);
    if (values === undefined) {
      values = current.line.values.slice();
      changedValues.set(edit.lineId, values);
    }
    changes.push({ lineId: edit.lineId, type: current.account.type, period: edit.period, before: values[edit.period] ?? null, after: edit.value });
    values[edit.period] = edit.value;
  }
  // Formula lines that depend on the edited lines move with them, in the same update.
  const recomputed = view.formulas.valuesChanged(
    [...changedValues].flatMap(([lineId, values]) => {
      const current = rows[indexById.get(lineId) ?? -1];
      return current === undefined ? [] : [{ id: lineId, name: current.line.description, values, formula: current.line.formula }];
    }),
  );
  for (const [lineId, outcome] of recomputed) {
    const current = rows[indexById.get(lineId) ?? -1];
    if (current === undefined) continue;
    const values = withActualMonths(outcome.values, current.line.values, view.model.actualMonths);
    values.forEach((value, period) => {
      const before = current.line.values[period] ?? null;
      if (before !== value) changes.push({ lineId, type: current.account.type, period, before, after: value });
    });
    changedValues.set(lineId, values);
  }
  const totals = applyCellChanges(view.totals, changes);
  let lineErrors = view.lineErrors;
  for (const [lineId, outcome] of recomputed) {
    const errors = errorsOfOutcome(outcome, view.model.periods.length, view.model.actualMonths);
    if (errors === null && !lineErrors.has(lineId)) continue;
    const next = new Map(lineErrors);
    if (errors === null) next.delete(lineId);
    else next.set(lineId, errors);
    lineErrors = next;
  }
  const changedRows: { before: LineRow; after: LineRow }[] = [];
  for (const [lineId, values] of changedValues) {
    const index = indexById.get(lineId);
    const current = index === undefined ? undefined : rows[index];
    if (index === undefined || current === undefined) continue;
    const outcome = recomputed.get(lineId);
    const next = {
      ...current,
      line: { ...current.line, values },
      year: totals.lineYear.get(lineId) ?? amountOf(null),
      ...(outcome === undefined ? {} : { formulaError: outcome.error, cellErrors: outcome.cellErrors }),
    };
    rows[index] = next;
    changedRows.push({ before: current, after: next });
  }
  return { ...view, rows, totals, lineErrors, totalRows: totals === view.totals ? view.totalRows : totalRowsOf(totals, view.totalRows), display: updateDisplay(view.display, changedRows) };
}

/**
 * Why a row's value over some periods cannot be trusted, or null: a line's own error, or for a
 * subtotal or total the error of any line it includes (as #REF! travels in a spreadsheet).
 */
export function rowError(view: Pick<SheetView, 'lineErrors' | 'display' | 'rows' | 'rowIndex'>, row: GridRow | undefined, periods: readonly number[]): string | null {
  if (row === undefined || view.lineErrors.size === 0) return null;
  if (row.kind === 'line') return firstError(view.lineErrors.get(row.line.id), periods);
  for (const [lineId, errors] of view.lineErrors) {
    const reason = firstError(errors, periods);
    if (reason === null) continue;
    const line = view.rows[view.rowIndex.get(lineId) ?? -1];
    if (line === undefined) continue;
    const included = row.kind === 'group' ? (view.display.groupsOfLine.get(lineId) ?? []).some((group) => group.id === row.id) : (TOTAL_MEMBERS[row.id] ?? []).includes(line.account.type);
    if (included) return travelledError(line.line.description, reason);
  }
  return null;
}

/** The view after one cell changes. */
export function withCellValue(view: SheetView, lineId: number, period: number, value: AmountText | null): SheetView {
  return withCellValues(view, [{ lineId, period, value }]);
}
