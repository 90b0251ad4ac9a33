import type { Account, Department, SheetModel } from '../domain/workbook';
import type { GroupRow, SheetDisplay } from './sheet-groups';
import type { SheetPatch } from './sheet-patch';
import type { LineRow } from './sheet-view';

/** What a patch's departments and accounts change: names only (labels), or the trees (a regroup). */
export interface DimensionChanges {
  /** departments or accounts added, removed or put under another: the groups are built again */
  regroup: boolean;
  renamedDepartments: ReadonlyMap<number, Department>;
  renamedAccounts: ReadonlyMap<number, Account>;
  /** whether a line's row shows a department name or an account that changed */
  touches(row: LineRow): boolean;
}

const NONE: DimensionChanges = { regroup: false, renamedDepartments: new Map(), renamedAccounts: new Map(), touches: () => false };

/** Groups follow tree order (and accounts their codes), never names: a rename only relabels. */
export function dimensionChanges(model: Pick<SheetModel, 'departments' | 'accounts'>, patch: Pick<SheetPatch, 'departments' | 'accounts'>): DimensionChanges {
  if (patch.departments === null && patch.accounts === null) return NONE;
  const departments = compare(model.departments, patch.departments, (a, b) => a.parentId === b.parentId);
  const accounts = compare(model.accounts, patch.accounts, (a, b) => a.parentId === b.parentId && a.code === b.code && a.type === b.type && a.unit === b.unit);
  return {
    regroup: departments.reordered || accounts.reordered,
    renamedDepartments: departments.renamed,
    renamedAccounts: accounts.renamed,
    touches: (row) => departments.renamed.has(row.line.departmentId) || accounts.renamed.has(row.line.accountId) || accounts.changed.has(row.line.accountId),
  };
}

function compare<T extends { id: number; name: string }>(before: readonly T[], after: readonly T[] | null, sameShape: (a: T, b: T) => boolean): { reordered: boolean; renamed: Map<number, T>; changed: Set<number> } {
  const renamed = new Map<number, T>();
  const changed = new Set<number>();
  if (after === null) return { reordered: false, renamed, changed };
  let reordered = before.length !== after.length;
  const known = new Map(before.map((node) => [node.id, node]));
  after.forEach((node, index) => {
    const old = known.get(node.id);
    if (old === undefined || before[index]?.id !== node.id) reordered = true;
    if (old === undefined) return;
    if (!sameShape(old, node)) {
      reordered = true;
      changed.add(node.id);
    }
    if (old.name !== node.name) renamed.set(node.id, node);
  });
  return { reordered, renamed, changed };
}

/** The display's group rows of renamed departments and accounts, with their new labels (as the groups are built). */
export function relabelGroups(display: SheetDisplay, changes: DimensionChanges): SheetDisplay {
  if (changes.renamedDepartments.size === 0 && changes.renamedAccounts.size === 0) return display;
  const labelOf = (row: GroupRow): string | null => {
    const match = /^g:([da])(\d+)$/.exec(row.id);
    if (match === null) return null;
    if (match[1] === 'd' && display.grouping === 'department') return changes.renamedDepartments.get(Number(match[2]))?.name ?? null;
    const account = match[1] === 'a' && display.grouping === 'account' ? changes.renamedAccounts.get(Number(match[2])) : undefined;
    return account === undefined ? null : `${account.code} ${account.name}`;
  };
  let rows: SheetDisplay['rows'] | null = null;
  display.rows.forEach((row, index) => {
    if (row.kind !== 'group') return;
    const label = labelOf(row);
    if (label === null || label === row.label) return;
    rows ??= display.rows.slice();
    rows[index] = { ...row, label };
  });
  return rows === null ? display : { ...display, rows };
}
