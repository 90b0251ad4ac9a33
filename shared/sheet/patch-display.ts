import { pathTo } from '../domain/dimension-tree';
import type { Account, Department } from '../domain/workbook';
import { operatingSign } from '../engine/sheet-totals';
import { Decimal } from '../money/decimal';
import type { GroupRow, GroupTrees, SheetDisplay } from './sheet-groups';
import type { LineRow } from './sheet-view';
import { OverlaidMap } from './patch-overlay';
import { shiftLimit, shiftOf, ShiftedIndex, SplicedPositions } from './patch-positions';

/** A group a line counts in, and how (+1, -1, or 0: counted as a line, not summed). */
interface PathGroup {
  id: string;
  sign: -1 | 0 | 1;
}

/** Lines that leave their place (removed or moving), lines that take one (new or moved, in sheet order), and lines whose values changed in place. */
export interface DisplayMoves {
  leaving: readonly LineRow[];
  arriving: readonly LineRow[];
  changedInPlace: readonly { before: LineRow; after: LineRow }[];
  /** every line whose row object is new (arriving, changed in place, or only its year or name), so the display shows the new one */
  renewed: ReadonlySet<number>;
}

/** Past this many arriving lines, grouping again costs no more than placing them one by one. */
const MOST_ARRIVING = 50;

/**
 * The groups of a line, outermost first, with the ids and signs `buildDisplay` gives them (see
 * sheet-groups.ts, which the integration test of patches holds this to).
 */
function groupPathOf(row: LineRow, grouping: SheetDisplay['grouping'], departments: ReadonlyMap<number, Department>, accounts: ReadonlyMap<number, Account>): PathGroup[] {
  const type = row.account.type;
  const plain: PathGroup['sign'] = type === 'driver' ? 0 : 1;
  if (grouping === 'department') {
    const chain = pathTo(row.line.departmentId, departments).map((department) => department.id);
    return [...(chain.length > 0 ? chain : [row.line.departmentId]).map((id) => ({ id: `g:d${id}`, sign: operatingSign(type) })), { id: `g:d${row.line.departmentId}:${type}`, sign: plain }];
  }
  if (grouping === 'account') {
    const chain = pathTo(row.account.id, accounts).map((account) => account.id);
    return [{ id: `g:t:${type}`, sign: plain }, ...(chain.length > 0 ? chain : [row.account.id]).map((id) => ({ id: `g:a${id}`, sign: plain }))];
  }
  return [];
}

/**
 * The display after lines left, arrived or changed in place, without grouping the whole sheet
 * again: each group a line leaves or joins moves its count and subtotals by that line (exactly),
 * and an arriving line is drawn next to a line of its department and account. Null when that is
 * not enough (a group appears or empties, no neighbour to place a line by): group again then.
 */
export function displayAfterMoves(display: SheetDisplay, moves: DisplayMoves, rows: readonly LineRow[], rowIndex: Map<number, number>, trees: GroupTrees): SheetDisplay | null {
  // Ungrouped, the display is the sheet's rows in order: the sheet's positions are the display's.
  if (display.grouping === 'none') return { ...display, rows: rows.slice(), lineIndex: rowIndex, groupIndex: new Map(), groupsOfLine: new Map() };
  if (moves.arriving.length > MOST_ARRIVING) return null;
  const departments = new Map(trees.departments.map((department) => [department.id, department]));
  const accounts = new Map(trees.accounts.map((account) => [account.id, account]));
  const periodCount = rows[0]?.line.values.length ?? 0;
  const groups = new Map<string, GroupRow>();
  const groupOf = (id: string): GroupRow | undefined => {
    const known = groups.get(id);
    if (known !== undefined) return known;
    const shown = display.rows[display.groupIndex.get(id) ?? -1];
    if (shown?.kind !== 'group') return undefined;
    const copy = { ...shown, periods: shown.periods?.slice() ?? null };
    groups.set(id, copy);
    return copy;
  };
  const emptied = new Set<string>();
  /** Counts a line in (+1) or out (-1) of its shown groups; false when a group it needs is not drawn. */
  const count = (row: LineRow, direction: 1 | -1, lineCountToo = true): boolean => {
    for (const step of groupPathOf(row, display.grouping, departments, accounts)) {
      const group = groupOf(step.id);
      if (group === undefined) return false;
      if (lineCountToo) group.lineCount += direction;
      if (step.sign !== 0) {
        const sign = step.sign * direction;
        group.periods ??= Array.from({ length: periodCount }, () => new Decimal(0));
        for (let period = 0; period < periodCount; period += 1) {
          const text = row.line.values[period];
          if (text !== null && text !== undefined && text !== '') group.periods[period] = (group.periods[period] ?? new Decimal(0)).plus(sign === 1 ? text : new Decimal(text).negated());
        }
        group.year = (group.year ?? new Decimal(0)).plus(sign === 1 ? row.year : row.year.negated());
        if (direction === -1) emptied.add(step.id);
      }
      // Groups inside a collapsed one are not drawn: they are built when it opens.
      if (group.collapsed) return true;
    }
    return true;
  };
  for (const row of moves.leaving) if (!count(row, -1)) return null;
  for (const { before, after } of moves.changedInPlace) if (!count(before, -1, false) || !count(after, 1, false)) return null;
  const shown = new ShownRows(display, moves.leaving);
  const pending = new Set(moves.arriving.map((row) => row.line.id));
  for (const row of moves.arriving) {
    pending.delete(row.line.id);
    if (!count(row, 1)) return null;
    const hidden = groupPathOf(row, display.grouping, departments, accounts).some((step) => display.collapsed.has(step.id));
    if (!hidden && !placeBesideNeighbour(shown, row, rows, rowIndex, pending)) return null;
  }
  // A group that lost all its lines is no longer drawn: group again.
  if ([...groups.values()].some((group) => group.lineCount <= 0)) return null;
  const memberships = moves.arriving.map((row): [number, { id: string; sign: 1 | -1 }[]] => [row.line.id, groupPathOf(row, display.grouping, departments, accounts).flatMap((step) => (step.sign === 0 ? [] : [{ id: step.id, sign: step.sign }]))]);
  const groupsOfLine = OverlaidMap.over(display.groupsOfLine, moves.leaving.map((row) => row.line.id), memberships);
  // A group left with no summed line shows no subtotal, as when it is built.
  if (emptied.size > 0) {
    const summed = new Set<string>();
    for (const lineMemberships of groupsOfLine.values()) for (const membership of lineMemberships) if (emptied.has(membership.id)) summed.add(membership.id);
    for (const id of emptied) {
      const group = groups.get(id);
      if (group !== undefined && !summed.has(id)) Object.assign(group, { periods: null, year: null });
    }
  }
  return { ...display, ...shown.finish(groups, rows, rowIndex, moves.renewed), groupsOfLine };
}

/**
 * The display's rows while lines leave and arrive: a copy of the rows with the leaving lines
 * taken out and the arriving ones put in, which knows where each line sits without scanning, so
 * that the positions of the 10,000 rows are carried over (see patch-positions.ts), not rebuilt.
 */
class ShownRows {
  readonly rows: (LineRow | GroupRow)[];
  private readonly lines: SplicedPositions<number>;

  constructor(private readonly display: SheetDisplay, leaving: readonly LineRow[]) {
    this.lines = new SplicedPositions(display.lineIndex, new Set(leaving.map((row) => row.line.id)));
    this.rows = display.rows.slice();
    for (let index = this.lines.left.length - 1; index >= 0; index -= 1) this.rows.splice(this.lines.left[index] ?? 0, 1);
  }

  /** Where a shown line sits now; undefined when it is not drawn (left, hidden, or not placed yet). */
  positionOf(lineId: number): number | undefined {
    return this.lines.positionOf(lineId);
  }

  insert(position: number, row: LineRow): void {
    this.rows.splice(position, 0, row);
    this.lines.insert(position, row.line.id);
  }

  /**
   * The rows, with the groups that changed and the lines whose rows were renewed in place, and
   * their positions: carried over from the display's when few moved, built again otherwise.
   */
  finish(groups: ReadonlyMap<string, GroupRow>, rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, renewed: ReadonlySet<number>): Pick<SheetDisplay, 'rows' | 'lineIndex' | 'groupIndex'> {
    const { lineIndex, groupIndex } = this.display;
    const limit = shiftLimit(this.rows.length);
    const step = shiftOf(lineIndex) === shiftOf(groupIndex) && renewed.size <= limit ? this.lines.step(limit) : null;
    if (step === null) return this.rebuilt(groups, rows, rowIndex);
    const next = { rows: this.rows, lineIndex: ShiftedIndex.after(lineIndex, step, this.lines.leaving, this.lines.arrived), groupIndex: ShiftedIndex.after(groupIndex, step, new Set<string>(), new Map<string, number>()) };
    for (const [id, group] of groups) {
      const at = next.groupIndex.get(id);
      if (at !== undefined) this.rows[at] = group;
    }
    for (const lineId of renewed) {
      const at = next.lineIndex.get(lineId);
      const row = rows[rowIndex.get(lineId) ?? -1];
      if (at !== undefined && row !== undefined) this.rows[at] = row;
    }
    return next;
  }

  /** Every position built again from the rows (many lines moved). */
  private rebuilt(groups: ReadonlyMap<string, GroupRow>, rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>): Pick<SheetDisplay, 'rows' | 'lineIndex' | 'groupIndex'> {
    const lineIndex = new Map<number, number>();
    const groupIndex = new Map<string, number>();
    const final = this.rows.map((row, position) => {
      if (row.kind === 'group') {
        groupIndex.set(row.id, position);
        return groups.get(row.id) ?? row;
      }
      lineIndex.set(row.line.id, position);
      return rows[rowIndex.get(row.line.id) ?? -1] ?? row;
    });
    return { rows: final, lineIndex, groupIndex };
  }
}

/** Draws an arriving line right after (or before) the line next to it in the sheet, when that one shares its department and account. */
function placeBesideNeighbour(shown: ShownRows, row: LineRow, rows: readonly LineRow[], rowIndex: ReadonlyMap<number, number>, pending: ReadonlySet<number>): boolean {
  const position = rowIndex.get(row.line.id);
  if (position === undefined) return false;
  const sameGroup = (other: LineRow | undefined): other is LineRow => other !== undefined && other.line.departmentId === row.line.departmentId && other.line.accountId === row.line.accountId && !pending.has(other.line.id);
  const before = rows[position - 1];
  const after = rows[position + 1];
  if (sameGroup(before)) {
    const at = shown.positionOf(before.line.id);
    if (at === undefined) return false;
    shown.insert(at + 1, row);
    return true;
  }
  if (sameGroup(after)) {
    const at = shown.positionOf(after.line.id);
    if (at === undefined) return false;
    shown.insert(at, row);
    return true;
  }
  return false;
}
