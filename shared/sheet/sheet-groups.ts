import { pathTo, treeOrder } from '../domain/dimension-tree';
import { ACCOUNT_TYPES, ACCOUNT_TYPE_LABELS, type Account, type AccountType, type Department } from '../domain/workbook';
import { operatingSign } from '../engine/sheet-totals';
import { Decimal } from '../money/decimal';
import { centsOf, ExactSum } from '../money/exact-sum';
import type { LineRow } from './sheet-view';
import { pairKey } from './sheet-seed';
import type { AmountText } from '../money/amount';

/** How the sheet groups its lines: by department (then account type), by account type (then account), or not at all. */
export type Grouping = 'department' | 'account' | 'none';

/** A collapsible group row with exact subtotals. */
export interface GroupRow {
  kind: 'group';
  /** grid row id, also the key that remembers whether it is collapsed */
  id: string;
  /** depth in the tree of groups: 0 at the top */
  level: number;
  label: string;
  /** a department's row (at any depth of the department tree), which shows its contribution */
  contribution: boolean;
  /** the group that holds lines directly (an account type within a department, or an account) */
  innermost: boolean;
  /** what the subtotal means, for the tooltip */
  subtotalMeaning: string;
  lineCount: number;
  /** null where the group holds only non-money driver lines */
  periods: Decimal[] | null;
  year: Decimal | null;
  collapsed: boolean;
}

/** The rows the grid shows, in order, and where each visible line sits among them. */
export interface SheetDisplay {
  grouping: Grouping;
  collapsed: ReadonlySet<string>;
  rows: (LineRow | GroupRow)[];
  /** display position of each visible line */
  lineIndex: Map<number, number>;
  /** display position of each group row */
  groupIndex: Map<string, number>;
  /** the groups each line counts in, with the sign it counts with */
  groupsOfLine: Map<number, { id: string; sign: 1 | -1 }[]>;
}

/** The department and account trees the groups follow. */
export interface GroupTrees {
  departments: readonly Department[];
  accounts: readonly Account[];
}

interface GroupSpec {
  id: string;
  label: string;
  contribution: boolean;
  subtotalMeaning: string;
  /** +1 / -1 for how a line of this type counts in the subtotal, 0 when it does not count */
  signOf: (type: AccountType) => 0 | 1 | -1;
}

const plainSum = (type: AccountType): 0 | 1 => (type === 'driver' ? 0 : 1);

const CONTRIBUTION = 'Contribution: revenue less cost of goods sold and operating expenses (capital expenses and drivers not included)';

/** The groups a line sits in, outermost first: its department's divisions, its department, its account type (or type, header accounts, account). */
function groupPath(row: LineRow, grouping: Grouping, trees: Trees): GroupSpec[] {
  const typeLabel = ACCOUNT_TYPE_LABELS[row.account.type];
  if (grouping === 'department') {
    const departments = pathTo(row.line.departmentId, trees.departmentsById);
    const chain = departments.length > 0 ? departments : [{ id: row.line.departmentId, name: row.department, parentId: null }];
    return [
      ...chain.map((department) => ({ id: `g:d${department.id}`, label: department.name, contribution: true, subtotalMeaning: CONTRIBUTION, signOf: operatingSign })),
      { id: `g:d${row.line.departmentId}:${row.account.type}`, label: typeLabel, contribution: false, subtotalMeaning: `Total ${typeLabel.toLowerCase()}`, signOf: plainSum },
    ];
  }
  if (grouping === 'account') {
    const accounts = pathTo(row.account.id, trees.accountsById);
    const chain = accounts.length > 0 ? accounts : [row.account];
    return [
      { id: `g:t:${row.account.type}`, label: typeLabel, contribution: false, subtotalMeaning: `Total ${typeLabel.toLowerCase()}`, signOf: plainSum },
      ...chain.map((account) => ({
        id: `g:a${account.id}`,
        label: `${account.code} ${account.name}`,
        contribution: false,
        subtotalMeaning: account.id === row.account.id ? `Total of account ${account.code}` : `Total of account ${account.code} and the accounts under it`,
        signOf: plainSum,
      })),
    ];
  }
  return [];
}

interface Trees {
  departmentsById: Map<number, Department>;
  accountsById: Map<number, Account>;
  /** place of each department and account in depth-first tree order */
  departmentRank: Map<number, number>;
  accountRank: Map<number, number>;
}

function treesOf(trees: GroupTrees | undefined): Trees {
  const departments = trees?.departments ?? [];
  // Accounts under one parent sort by code, as a chart of accounts reads.
  const accounts = (trees?.accounts ?? []).slice().sort((a, b) => a.code.localeCompare(b.code));
  return {
    departmentsById: new Map(departments.map((department) => [department.id, department])),
    accountsById: new Map(accounts.map((account) => [account.id, account])),
    departmentRank: new Map(treeOrder(departments).map(({ node }, index) => [node.id, index])),
    accountRank: new Map(treeOrder(accounts).map(({ node }, index) => [node.id, index])),
  };
}

const typeOrder = new Map(ACCOUNT_TYPES.map((type, index) => [type, index]));

/** The groups of one path, the memberships of its lines (the groups their amounts count in, with their sign), and its lines' sums per month. */
interface PathSums {
  specs: GroupSpec[];
  memberships: { id: string; sign: 1 | -1 }[];
  sums: ExactSum[];
}

function pathSumsOf(specs: GroupSpec[], type: AccountType, periodCount: number): PathSums {
  const memberships = specs.flatMap((spec) => {
    const sign = spec.signOf(type);
    return sign === 0 ? [] : [{ id: spec.id, sign }];
  });
  return { specs, memberships, sums: Array.from({ length: periodCount }, () => new ExactSum()) };
}

/** Adds a line's months to running sums: each amount read once. */
function addAmounts(sums: readonly ExactSum[], values: readonly (AmountText | null)[], periodCount: number): void {
  for (let period = 0; period < periodCount; period += 1) {
    const text = values[period];
    if (text === null || text === undefined || text === '') continue;
    const cents = centsOf(text);
    if (cents === null) sums[period]?.add(text);
    else if (cents !== 0) sums[period]?.addCents(cents);
  }
}

/**
 * Groups the lines (kept in their sheet order within each group) and computes every subtotal.
 * `pairSums`, the months' sums of each department and account's money lines as the back computed
 * them from these lines (see sheet-seed.ts), saves reading every amount: each path of groups
 * takes the sums of the pairs in it.
 */
export function buildDisplay(lines: readonly LineRow[], periodCount: number, grouping: Grouping, collapsed: ReadonlySet<string>, groupTrees?: GroupTrees, pairSums?: ReadonlyMap<string, readonly string[]>): SheetDisplay {
  const display: SheetDisplay = { grouping, collapsed, rows: [], lineIndex: new Map(), groupIndex: new Map(), groupsOfLine: new Map() };
  if (grouping === 'none') {
    lines.forEach((row, index) => display.lineIndex.set(row.line.id, index));
    display.rows = lines.slice();
    return display;
  }
  const trees = treesOf(groupTrees);
  // Departments in tree order (divisions before their departments), then the order the sheet
  // gives them; within one, account types in their usual order. Accounts likewise.
  const departmentOrder = new Map<number, number>();
  lines.forEach((row, index) => {
    if (!departmentOrder.has(row.line.departmentId)) departmentOrder.set(row.line.departmentId, index);
  });
  const departmentRank = (row: LineRow) => trees.departmentRank.get(row.line.departmentId) ?? trees.departmentRank.size + (departmentOrder.get(row.line.departmentId) ?? 0);
  const accountRank = (row: LineRow) => trees.accountRank.get(row.account.id) ?? -1;
  const typeRank = (row: LineRow) => typeOrder.get(row.account.type) ?? 0;
  const ordered =
    grouping === 'account'
      ? lines.slice().sort((a, b) => typeRank(a) - typeRank(b) || accountRank(a) - accountRank(b) || a.account.code.localeCompare(b.account.code))
      : lines.slice().sort((a, b) => departmentRank(a) - departmentRank(b) || typeRank(a) - typeRank(b));
  const groups = new Map<string, GroupRow>();
  const open: string[] = [];
  // Lines of one department and account type (or one account) share their groups, and so their
  // memberships and their sums: each line's amounts are added once, to its path's sums (not once
  // per group it counts in), and the paths' sums reach their groups at the end. Sums are exact over
  // whole cents (ExactSum) and become Decimals once.
  const paths = new Map<string, PathSums>();
  const pairsAdded = new Set<string>();
  for (const row of ordered) {
    const pathKey = grouping === 'account' ? `${row.account.id}:${row.account.type}` : `${row.line.departmentId}:${row.account.type}`;
    let path = paths.get(pathKey);
    if (path === undefined) paths.set(pathKey, (path = pathSumsOf(groupPath(row, grouping, trees), row.account.type, periodCount)));
    let hidden = false;
    path.specs.forEach((spec, level) => {
      let group = groups.get(spec.id);
      if (open[level] !== spec.id) {
        open.length = level;
        open.push(spec.id);
        if (group === undefined) {
          group = {
            kind: 'group',
            id: spec.id,
            level,
            label: spec.label,
            contribution: spec.contribution,
            innermost: level === path.specs.length - 1,
            subtotalMeaning: spec.subtotalMeaning,
            lineCount: 0,
            periods: null,
            year: null,
            collapsed: collapsed.has(spec.id),
          };
          groups.set(spec.id, group);
          if (!hidden) {
            display.groupIndex.set(spec.id, display.rows.length);
            display.rows.push(group);
          }
        }
      }
      if (group === undefined) return;
      group.lineCount += 1;
      if (group.collapsed) hidden = true;
    });
    if (path.memberships.length > 0) {
      if (pairSums === undefined) addAmounts(path.sums, row.line.values, periodCount);
      else {
        // A department and account sit in one path of groups (whichever the grouping): its sums join that path's once.
        const pair = pairKey(row.line.departmentId, row.line.accountId);
        if (!pairsAdded.has(pair)) {
          pairsAdded.add(pair);
          addAmounts(path.sums, pairSums.get(pair) ?? [], periodCount);
        }
      }
    }
    display.groupsOfLine.set(row.line.id, path.memberships);
    if (!hidden) {
      display.lineIndex.set(row.line.id, display.rows.length);
      display.rows.push(row);
    }
  }
  const sums = new Map<string, ExactSum[]>();
  for (const path of paths.values()) {
    for (const { id, sign } of path.memberships) {
      let groupSums = sums.get(id);
      if (groupSums === undefined) sums.set(id, (groupSums = Array.from({ length: periodCount }, () => new ExactSum())));
      for (let period = 0; period < periodCount; period += 1) groupSums[period]?.addSum(path.sums[period] ?? new ExactSum(), sign);
    }
  }
  for (const [id, groupSums] of sums) {
    const group = groups.get(id);
    if (group === undefined) continue;
    group.periods = groupSums.map((sum) => sum.value());
    // The year is the sum of the months, as each line's year is the sum of its own: one exact sum
    // per group instead of a Decimal addition per line and group.
    const year = new ExactSum();
    for (const sum of groupSums) year.addSum(sum);
    group.year = year.value();
  }
  return display;
}

/**
 * The display after lines changed: their rows replaced and the subtotals of their groups moved
 * by the difference (exact), so an edit costs the same whatever the size of the sheet.
 */
export function updateDisplay(display: SheetDisplay, changed: readonly { before: LineRow; after: LineRow }[]): SheetDisplay {
  if (changed.length === 0) return display;
  const rows = display.rows.slice();
  // Each group's differences are summed exactly per month first (ExactSum, no Decimal per cell),
  // then each subtotal moves once: a 1,000-line paste costs a few hundred Decimal additions
  // instead of one per line, group and month.
  const deltas = new Map<string, { periods: (ExactSum | undefined)[]; year: ExactSum }>();
  for (const { before, after } of changed) {
    const at = display.lineIndex.get(after.line.id);
    if (at !== undefined) rows[at] = after;
    const groups = display.groupsOfLine.get(after.line.id) ?? [];
    if (groups.length === 0) continue;
    // Per month: the difference in whole cents (nearly always), or an ExactSum where an amount is not plain.
    const lineDeltas: [number, number | ExactSum][] = [];
    const periodCount = Math.max(before.line.values.length, after.line.values.length);
    for (let period = 0; period < periodCount; period += 1) {
      const textBefore = before.line.values[period];
      const textAfter = after.line.values[period];
      if (textBefore === textAfter) continue;
      const to = centsOf(textAfter);
      const from = centsOf(textBefore);
      if (to !== null && from !== null) {
        if (to !== from) lineDeltas.push([period, to - from]);
        continue;
      }
      const delta = new ExactSum();
      delta.addDifference(textAfter, textBefore);
      if (!delta.isZero()) lineDeltas.push([period, delta]);
    }
    if (lineDeltas.length === 0) continue;
    for (const { id, sign } of groups) {
      let group = deltas.get(id);
      if (group === undefined) deltas.set(id, (group = { periods: [], year: new ExactSum() }));
      for (const [period, delta] of lineDeltas) {
        const sum = (group.periods[period] ??= new ExactSum());
        if (typeof delta === 'number') {
          sum.addCents(sign === 1 ? delta : -delta);
          group.year.addCents(sign === 1 ? delta : -delta);
        } else {
          sum.addSum(delta, sign);
          group.year.addSum(delta, sign);
        }
      }
    }
  }
  for (const [id, group] of deltas) {
    const position = display.groupIndex.get(id);
    const current = position === undefined ? undefined : (rows[position] as GroupRow | undefined);
    if (position === undefined || current === undefined || current.periods === null || current.year === null) continue;
    const periods = current.periods.slice();
    group.periods.forEach((delta, period) => {
      if (delta !== undefined && !delta.isZero()) periods[period] = (periods[period] ?? new Decimal(0)).plus(delta.value());
    });
    rows[position] = { ...current, periods, year: group.year.isZero() ? current.year : current.year.plus(group.year.value()) };
  }
  return { ...display, rows };
}
