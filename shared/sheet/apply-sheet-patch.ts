import type { HistoryState } from '../domain/cell-edit';
import type { Account, BudgetLine, SheetComment } from '../domain/workbook';
import { amountOf, type AmountText } from '../money/amount';
import { LayeredMap } from '../engine/layered-map';
import type { Decimal } from '../money/decimal';
import { applyCellChanges, type CellChangeForTotals, type SheetTotals } from '../engine/sheet-totals';
import { engineLine, FormulaEngine } from '../formula/formula-engine';
import { errorsOfOutcome } from './sheet-errors';
import { buildDisplay, updateDisplay, type SheetDisplay } from './sheet-groups';
import type { PlacedLine, SheetPatch } from './sheet-patch';
import { commentPlace, rowFor, totalRowsOf, unitOf, withActualMonths, type LineRow, type SheetView } from './sheet-view';
import { formulasNeedRebuild } from './patch-formulas';
import { dimensionChanges, relabelGroups } from './patch-dimensions';
import { displayAfterMoves } from './patch-display';
import { shiftLimit, ShiftedIndex, SplicedPositions } from './patch-positions';

/**
 * The sheet after a structural write, from the patch the back answered with (see SheetPatch),
 * equal to what reading the sheet again would build; null when the patch is for another version
 * or cannot be placed (the caller then reads the sheet again).
 *
 * Only what the patch touches is redone: a comment or a rename replaces a row; new, removed or
 * moved lines regroup the display; formulas are computed again only when a formula or a name
 * they may use changed; totals move by the differences, exactly.
 */
export function applySheetPatch(view: SheetView, patch: SheetPatch, receipt: { revision: number; history: HistoryState }): SheetView | null {
  if (patch.versionId !== view.model.version.id) return null;
  const periodCount = view.model.periods.length;
  const dimensions = dimensionChanges(view.model, patch);
  const accountsById = patch.accounts === null ? view.accountsById : new Map(patch.accounts.map((account) => [account.id, account]));
  const model = {
    ...view.model,
    workbook: { ...view.model.workbook, revision: receipt.revision },
    history: receipt.history,
    departments: patch.departments ?? view.model.departments,
    accounts: patch.accounts ?? view.model.accounts,
  };
  const base = { model, accountsById };
  const removed = new Set(patch.removedLines.filter((lineId) => view.rowIndex.has(lineId)));
  const placedLines = patch.lines.map((placed) => placed.line);

  // Formulas: the same graph unless a formula or a name it may use changed.
  const rebuild = formulasNeedRebuild(view.rows, view.rowIndex, placedLines, [...removed], view.lineErrors.size > 0);
  // Few lines leave and arrive and every other row stays as it is: the order is spliced, not rebuilt.
  const spliced = rebuild || patch.departments !== null || patch.accounts !== null ? null : splicedOrder(view.rows, view.rowIndex, removed, patch.lines);
  const placement = spliced === null ? orderAfterPatch(view.rows, view.rowIndex, removed, patch.lines) : null;
  if (spliced === null && placement === null) return null;
  const sameOrder = placement === SAME_ORDER;
  // Lines in the same order, no formula computed again and no department or account changed (a
  // rename, a comment, a formula nothing else names): only the placed and commented lines can
  // change, every other row stays as it is, so only those are visited, not all 10,000.
  const inPlace = sameOrder && !rebuild && patch.departments === null && patch.accounts === null;
  // The new order in full, only where every row is placed again (formulas computed again, dimensions changed, many lines moved).
  const order = spliced !== null || inPlace || placement === null ? null : sameOrder ? view.rows.map((row) => row.line.id) : placement;
  const placedById = new Map(placedLines.map((line) => [line.id, line]));
  const enteredOf = (lineId: number): BudgetLine => {
    const line = placedById.get(lineId) ?? view.rows[view.rowIndex.get(lineId) ?? -1]?.line;
    if (line === undefined) throw new Error(`Line ${lineId} is neither in the sheet nor in the patch.`);
    return line;
  };
  const formulas = rebuild ? new FormulaEngine((order ?? view.rows.map((row) => row.line.id)).map((lineId) => { const line = enteredOf(lineId); return engineLine(line, unitOf(line, accountsById)); }), periodCount) : view.formulas.renameLines(placedLines);

  const comments = commentChanges(view, patch, removed);
  const changes: CellChangeForTotals[] = [];
  const valueChanged: { before: LineRow; after: LineRow }[] = [];
  const otherwiseChanged = new Set<number>();
  let orderChanged = (order?.length ?? spliced?.length ?? view.rows.length) !== view.rows.length;
  // Lines that take another place in the sheet or its groups (new, moved, relocated): drawn again where they now sit.
  const moving = new Set<number>();
  // Lines the sheet did not have: they join the line totals.
  const added: number[] = [];
  // Lines whose row object is new: the display shows those instead of the ones it has.
  const renewed = new Set<number>();
  /** The line before `position` in the new order (for the spliced order, rows before a row are placed first). */
  const lineBefore = (position: number): number | null => (order !== null ? order[position - 1] : spliced !== null ? rows[position - 1]?.line.id : view.rows[position - 1]?.line.id) ?? null;
  /** The row of a line at its position in the new order. */
  const rowAt = (lineId: number, position: number): LineRow => {
    const index = view.rowIndex.get(lineId);
    const before = index === undefined ? undefined : view.rows[index];
    if (index !== position) orderChanged = true;
    const entered = enteredOf(lineId);
    const outcome = formulas.outcome(lineId);
    const recomputed = rebuild || placedById.has(lineId);
    // A formula line keeps the values it shows unless its formula was computed again.
    const values = outcome === undefined ? entered.values : recomputed ? withActualMonths(outcome.values, entered.values, model.actualMonths) : entered.values;
    const line: BudgetLine = placedById.has(lineId) ? { ...entered, values } : sameValues(entered.values, values) ? entered : { ...entered, values };
    const account = accountsById.get(line.accountId);
    if (before === undefined) {
      added.push(lineId);
      pushDifferences(changes, lineId, account?.type ?? 'driver', emptyValues(periodCount), values);
      moving.add(lineId);
      renewed.add(lineId);
      return rowFor(line, base, amountOf(null), outcome);
    }
    const moved = before.line.departmentId !== line.departmentId || before.line.accountId !== line.accountId;
    if (placedById.has(lineId) && (moved || (view.rows[(index ?? 0) - 1]?.line.id ?? null) !== lineBefore(position))) moving.add(lineId);
    if (moved || before.account.type !== (account?.type ?? before.account.type)) {
      pushDifferences(changes, lineId, before.account.type, before.line.values, emptyValues(periodCount));
      pushDifferences(changes, lineId, account?.type ?? 'driver', emptyValues(periodCount), values);
    } else {
      pushDifferences(changes, lineId, before.account.type, before.line.values, values);
    }
    const touched = line !== before.line || dimensions.touches(before) || comments.lines.has(lineId) || (rebuild && outcomeDiffers(before, outcome));
    if (!touched) return before;
    const next = rowFor(line, base, before.year, outcome);
    renewed.add(lineId);
    if (sameValues(before.line.values, values)) otherwiseChanged.add(lineId);
    else valueChanged.push({ before, after: next });
    return next;
  };
  const rows = order === null ? view.rows.slice() : new Array<LineRow>(order.length);
  if (spliced !== null) {
    for (let index = spliced.positions.left.length - 1; index >= 0; index -= 1) rows.splice(spliced.positions.left[index] ?? 0, 1);
    // In ascending order each placed line goes straight to its final position.
    for (const [lineId, position] of [...spliced.positions.arrived].sort((a, b) => a[1] - b[1])) rows.splice(position, 0, rowAt(lineId, position));
    orderChanged = true;
    for (const lineId of comments.lines) {
      const position = spliced.positions.arrived.has(lineId) ? undefined : spliced.positions.positionOf(lineId);
      if (position !== undefined) rows[position] = rowAt(lineId, position);
    }
  } else if (inPlace) {
    for (const lineId of new Set([...placedById.keys(), ...comments.lines])) {
      const position = view.rowIndex.get(lineId);
      if (position !== undefined) rows[position] = rowAt(lineId, position);
    }
  } else order?.forEach((lineId, position) => (rows[position] = rowAt(lineId, position)));
  for (const lineId of removed) {
    const before = view.rows[view.rowIndex.get(lineId) ?? -1];
    if (before !== undefined) pushDifferences(changes, lineId, before.account.type, before.line.values, emptyValues(periodCount));
  }

  // Rows are fixed from here on (only their year totals change below): their places are known.
  const rowIndex = !orderChanged ? view.rowIndex : (spliced === null ? null : shiftedRowIndex(view.rowIndex, spliced.positions, rows.length)) ?? new Map(rows.map((row, position) => [row.line.id, position]));
  const totals = totalsAfter(view.totals, changes, removed, added);
  // Rows carry their line's year total: those whose values moved (or that are new) take the new one.
  const yearCandidates = new Set([...placedById.keys(), ...valueChanged.map((pair) => pair.after.line.id), ...changes.map((change) => change.lineId)]);
  for (const lineId of yearCandidates) {
    const position = rowIndex.get(lineId) ?? -1;
    const row = rows[position];
    const year = totals.lineYear.get(lineId) ?? amountOf(null);
    if (row === undefined || row.year.eq(year)) continue;
    const next = { ...row, year };
    rows[position] = next;
    renewed.add(lineId);
    const changed = valueChanged.find((pair) => pair.after === row);
    if (changed !== undefined) changed.after = next;
    else if (view.rowIndex.has(lineId)) otherwiseChanged.add(lineId);
  }
  let display: SheetDisplay;
  if (dimensions.regroup) {
    display = buildDisplay(rows, periodCount, view.display.grouping, view.display.collapsed, model);
  } else if (orderChanged || moving.size > 0) {
    const leaving = [...removed, ...[...moving].filter((lineId) => view.rowIndex.has(lineId))].flatMap((lineId) => view.rows[view.rowIndex.get(lineId) ?? -1] ?? []);
    // In sheet order, found by position: not a pass over every row.
    const arriving = [...moving].flatMap((lineId) => rowIndex.get(lineId) ?? []).sort((a, b) => a - b).flatMap((position) => rows[position] ?? []);
    const changedInPlace = valueChanged.filter((pair) => !moving.has(pair.after.line.id));
    display = displayAfterMoves(view.display, { leaving, arriving, changedInPlace, renewed }, rows, rowIndex, model) ?? buildDisplay(rows, periodCount, view.display.grouping, view.display.collapsed, model);
  } else {
    display = updateDisplay(view.display, valueChanged);
    display = replaceRows(display, rows, rowIndex, otherwiseChanged);
    display = relabelGroups(display, dimensions);
  }
  return {
    ...view,
    model: { ...model, comments: comments.list, priorYear: priorYearAfter(view, patch, removed) },
    rows,
    rowIndex,
    accountsById,
    totals,
    totalRows: totals === view.totals ? view.totalRows : totalRowsOf(totals, view.totalRows),
    display,
    formulas,
    commentsByPlace: comments.byPlace,
    lineErrors: rebuild ? lineErrorsOf(formulas, rows, periodCount, model.actualMonths) : withoutLines(view.lineErrors, removed),
  };
}

/** The order after a patch that takes a few lines out and puts a few in: where each line now sits, and how many there are. */
interface SplicedOrder {
  positions: SplicedPositions<number>;
  length: number;
}

/**
 * The new order by taking the few removed and placed lines out of the old one and putting the
 * placed lines in after the lines they follow, by position (no pass over the rows); null when the
 * order stays (a rename), when many lines move, or when a placed line follows one placed later
 * or one the sheet does not have (orderAfterPatch decides those).
 */
function splicedOrder(rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, removed: ReadonlySet<number>, placed: readonly PlacedLine[]): SplicedOrder | null {
  if (removed.size === 0 && placed.every((entry) => keepsItsPlace(rows, rowIndex, entry))) return null;
  if (removed.size + placed.length > shiftLimit(rows.length)) return null;
  if (new Set(placed.map((entry) => entry.after)).size !== placed.length || new Set(placed.map((entry) => entry.line.id)).size !== placed.length) return null;
  const leaving = new Set([...removed, ...placed.map((entry) => entry.line.id)].filter((lineId) => rowIndex.has(lineId)));
  const positions = new SplicedPositions(rowIndex, leaving);
  for (const entry of placed) {
    const after = entry.after === null ? -1 : positions.positionOf(entry.after);
    if (after === undefined) return null;
    positions.insert(after + 1, entry.line.id);
  }
  return { positions, length: rows.length - leaving.size + placed.length };
}

/** The row positions after a splice, carried over from the old ones (see patch-positions.ts); null when too many moved. */
function shiftedRowIndex(rowIndex: Map<number, number>, positions: SplicedPositions<number>, length: number): Map<number, number> | null {
  const step = positions.step(shiftLimit(length));
  return step === null ? null : ShiftedIndex.after(rowIndex, step, positions.leaving, positions.arrived);
}

/** A placed line that follows the line it follows now (a rename, a comment, a formula). */
function keepsItsPlace(rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, entry: PlacedLine): boolean {
  const at = rowIndex.get(entry.line.id);
  return at !== undefined && (rows[at - 1]?.line.id ?? null) === entry.after;
}

/** What orderAfterPatch answers when every line keeps its place. */
const SAME_ORDER = 'same order';

/** The sheet's line ids in their new order: the old order without removed and placed lines, then each placed line after the one it follows. */

function orderAfterPatch(rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, removed: ReadonlySet<number>, placed: readonly PlacedLine[]): number[] | typeof SAME_ORDER | null {
  // A rename, a comment, a formula: every placed line follows the line it follows now, so the order stays.
  if (removed.size === 0 && placed.every((entry) => keepsItsPlace(rows, rowIndex, entry))) return SAME_ORDER;
  const placedIds = new Set(placed.map((entry) => entry.line.id));
  const follower = new Map<number | null, number>();
  for (const entry of placed) {
    if (follower.has(entry.after)) return null;
    follower.set(entry.after, entry.line.id);
  }
  const order: number[] = [];
  const emitFollowers = (lineId: number | null) => {
    for (let next = follower.get(lineId); next !== undefined; next = follower.get(next)) order.push(next);
  };
  emitFollowers(null);
  for (const row of rows) {
    const lineId = row.line.id;
    if (removed.has(lineId) || placedIds.has(lineId)) continue;
    order.push(lineId);
    emitFollowers(lineId);
  }
  // A placed line that follows a line the sheet does not have: the patch does not fit this sheet.
  return order.length === placedCountIn(order, placedIds) + rows.filter((row) => !removed.has(row.line.id) && !placedIds.has(row.line.id)).length && placedCountIn(order, placedIds) === placedIds.size ? order : null;
}

function placedCountIn(order: readonly number[], placedIds: ReadonlySet<number>): number {
  return order.reduce((count, lineId) => count + (placedIds.has(lineId) ? 1 : 0), 0);
}

function emptyValues(periodCount: number): (AmountText | null)[] {
  return new Array<AmountText | null>(periodCount).fill(null);
}

function sameValues(a: readonly (AmountText | null)[], b: readonly (AmountText | null)[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if ((a[index] ?? null) !== (b[index] ?? null)) return false;
  return true;
}

function outcomeDiffers(before: LineRow, outcome: ReturnType<FormulaEngine['outcome']>): boolean {
  return (outcome?.error ?? null) !== before.formulaError || JSON.stringify(outcome?.cellErrors ?? null) !== JSON.stringify(before.cellErrors);
}

function pushDifferences(changes: CellChangeForTotals[], lineId: number, type: Account['type'], before: readonly (AmountText | null)[], after: readonly (AmountText | null)[]): void {
  if (before === after) return;
  const length = Math.max(before.length, after.length);
  for (let period = 0; period < length; period += 1) {
    const from = before[period] ?? null;
    const to = after[period] ?? null;
    if (from !== to) changes.push({ lineId, type, period, before: from, after: to });
  }
}

/** Totals moved by the differences; removed lines leave the line totals, new lines (`added`) join them (at zero when empty). */
function totalsAfter(totals: SheetTotals, changes: readonly CellChangeForTotals[], removed: ReadonlySet<number>, added: readonly number[]): SheetTotals {
  const moved = applyCellChanges(totals, changes);
  const missing = added.filter((lineId) => !moved.lineYear.has(lineId));
  if (removed.size === 0 && missing.length === 0) return moved;
  // New lines only (a new line, an undone delete): layered over the years as they were, not a copy of 10,000.
  if (removed.size === 0) return { ...moved, lineYear: LayeredMap.over(moved.lineYear).withEntries(missing.map((lineId): [number, Decimal] => [lineId, amountOf(null)])) };
  const lineYear = new Map(moved.lineYear);
  for (const lineId of removed) lineYear.delete(lineId);
  for (const lineId of missing) lineYear.set(lineId, amountOf(null));
  return { ...moved, lineYear };
}

/** The display's line rows replaced by their new objects (a rename, a comment): groups and subtotals stay. */
function replaceRows(display: SheetDisplay, rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, lineIds: ReadonlySet<number>): SheetDisplay {
  if (lineIds.size === 0) return display;
  const shown = display.rows.slice();
  for (const lineId of lineIds) {
    const at = display.lineIndex.get(lineId);
    const row = rows[rowIndex.get(lineId) ?? -1];
    if (at !== undefined && row !== undefined) shown[at] = row;
  }
  return { ...display, rows: shown };
}

function lineErrorsOf(formulas: FormulaEngine, rows: readonly LineRow[], periodCount: number, actualMonths: number): Map<number, (string | null)[]> {
  const errors = new Map<number, (string | null)[]>();
  for (const row of rows) {
    const lineErrors = errorsOfOutcome(formulas.outcome(row.line.id), periodCount, actualMonths);
    if (lineErrors !== null) errors.set(row.line.id, lineErrors);
  }
  return errors;
}

function withoutLines<T>(map: ReadonlyMap<number, T>, lineIds: ReadonlySet<number>): ReadonlyMap<number, T> {
  if (![...lineIds].some((lineId) => map.has(lineId))) return map;
  const next = new Map(map);
  for (const lineId of lineIds) next.delete(lineId);
  return next;
}

/** Comments after the patch: the version's list (oldest first), by place, and the lines whose comments changed. */
function commentChanges(view: SheetView, patch: SheetPatch, removedLines: ReadonlySet<number>): { list: SheetComment[]; byPlace: Map<string, SheetComment[]>; lines: Set<number> } {
  const removed = new Set(patch.commentsRemoved);
  const gone = view.model.comments.filter((comment) => removed.has(comment.id) || removedLines.has(comment.lineId));
  const added = patch.commentsAdded.filter((comment) => !view.model.comments.some((known) => known.id === comment.id));
  if (gone.length === 0 && added.length === 0) return { list: view.model.comments, byPlace: view.commentsByPlace, lines: new Set() };
  const goneIds = new Set(gone.map((comment) => comment.id));
  const list = [...view.model.comments.filter((comment) => !goneIds.has(comment.id)), ...added].sort((a, b) => a.id - b.id);
  const byPlace = new Map<string, SheetComment[]>();
  for (const comment of list) {
    const key = commentPlace(comment.lineId, comment.period);
    byPlace.set(key, [...(byPlace.get(key) ?? []), comment]);
  }
  return { list, byPlace, lines: new Set([...gone, ...added].map((comment) => comment.lineId)) };
}

/** Last year's months: removed lines lose theirs, placed lines carry what the back read. */
function priorYearAfter(view: SheetView, patch: SheetPatch, removed: ReadonlySet<number>): SheetView['model']['priorYear'] {
  const prior = view.model.priorYear;
  const unchanged = (placed: PlacedLine) => {
    const known = prior?.values[placed.line.id];
    return placed.priorYear === null ? known === undefined : known !== undefined && sameValues(known, placed.priorYear);
  };
  if (prior === null || (removed.size === 0 && patch.lines.every(unchanged))) return prior;
  const placedIds = new Set(patch.lines.map((placed) => placed.line.id));
  const values: Record<number, (AmountText | null)[]> = Object.fromEntries(Object.entries(prior.values).filter(([lineId]) => !removed.has(Number(lineId)) && !placedIds.has(Number(lineId))));
  for (const placed of patch.lines) if (placed.priorYear !== null) values[placed.line.id] = placed.priorYear;
  return { ...prior, values };
}
