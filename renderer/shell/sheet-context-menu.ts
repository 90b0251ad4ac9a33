import { COMMANDS, type CommandId, type CommandStates } from '../../shared/commands/command-table';
import type { GridRow, SheetView } from '../../shared/sheet/sheet-view';
import { commandShortcutLabel } from '../commands/command-keys';
import type { MenuItem } from '../components/ContextMenu';
import { useDialogStore } from '../state/dialog-store';
import { useSheetStore } from '../state/sheet-store';
import { budgetGridApi } from '../commands/budget-cursor';
import { periodOfColumn } from '../grid/sheet-cells';

/** A context-menu entry for a command of the table: its label, its shortcut, disabled with the reason. */
export function commandItem(id: CommandId, states: CommandStates, run: (id: CommandId) => void, label?: string): MenuItem {
  const state = states[id];
  const shortcut = commandShortcutLabel(id);
  const item: MenuItem = { label: label ?? state?.label ?? COMMANDS[id].label, disabled: state?.enabled !== true, action: () => run(id) };
  if (shortcut !== '') item.shortcut = shortcut;
  if (state?.reason !== undefined) item.reason = state.reason;
  return item;
}

const CLIPBOARD: CommandId[] = ['edit.cut', 'edit.copy', 'edit.paste', 'edit.clear'];

/** The budget sheet's context menu for the row under the pointer (the cursor was moved there first). */
export function sheetMenuItems(target: { row: GridRow; rowIndex: number; colId: string }, view: SheetView, states: CommandStates, run: (id: CommandId) => void): MenuItem[] {
  const item = (id: CommandId, label?: string) => commandItem(id, states, run, label);
  const clipboard = CLIPBOARD.map((id) => item(id));
  const open = useDialogStore.getState().open;
  if (target.row.kind === 'group') {
    const group = target.row;
    // A department's or an account's own group row can rename it; a department's can delete it with its lines.
    const department = /^g:d(\d+)$/.exec(group.id);
    const account = /^g:a(\d+)$/.exec(group.id);
    const departmentId = department === null ? null : Number(department[1]);
    const accountId = account === null ? null : Number(account[1]);
    const childDepartments = departmentId === null ? 0 : view.model.departments.filter((candidate) => candidate.parentId === departmentId).length;
    const locked = states['data.add-line']?.enabled !== true ? states['data.add-line']?.reason : undefined;
    const groupItems: MenuItem[] = [{ label: group.collapsed ? 'Expand group' : 'Collapse group', shortcut: 'Enter', action: () => useSheetStore.getState().toggleGroup(group.id) }, item('data.add-line')];
    // Departments and accounts are shared by every version: locked like lines while one is approved.
    const lockedItem = (item: MenuItem): MenuItem => (locked === undefined || item === 'separator' ? item : { ...item, disabled: true, reason: locked });
    if (departmentId !== null) {
      groupItems.push(lockedItem({ label: `Rename department “${group.label}”…`, action: () => open({ id: 'rename-group', what: 'department', targetId: departmentId, name: group.label }) }));
      const deleteItem: MenuItem = {
        label: childDepartments > 0 ? `Delete “${group.label}” (move its departments first)` : `Delete department “${group.label}”…`,
        disabled: childDepartments > 0 || locked !== undefined,
        action: () => open({ id: 'delete-department', targetId: departmentId, name: group.label }),
      };
      if (locked !== undefined) deleteItem.reason = locked;
      groupItems.push(deleteItem);
    }
    if (accountId !== null) {
      const name = view.model.accounts.find((candidate) => candidate.id === accountId)?.name ?? group.label;
      groupItems.push(lockedItem({ label: `Rename account “${group.label}”…`, action: () => open({ id: 'rename-group', what: 'account', targetId: accountId, name }) }));
    }
    return [...groupItems, 'separator', item('data.dimensions')];
  }
  if (target.row.kind !== 'line') return [...clipboard, 'separator', item('data.dimensions')];
  const row = target.row;
  const period = periodOfColumn(target.colId);
  const onMonth = period !== null;
  const lineLocked = states['data.delete-line']?.enabled !== true ? states['data.delete-line']?.reason : undefined;
  const rename: MenuItem = {
    label: 'Rename line',
    shortcut: 'F2 on the name',
    disabled: lineLocked !== undefined,
    action: () => budgetGridApi()?.startEditingCell({ rowIndex: target.rowIndex, colKey: 'description' }),
  };
  if (lineLocked !== undefined) rename.reason = lineLocked;
  return [
    ...clipboard,
    'separator',
    rename,
    item('data.move-up'),
    item('data.move-down'),
    item('data.move-line'),
    item('data.tag-goal'),
    item('data.spread'),
    item('edit.comment', onMonth ? 'Comment on the cell…' : 'Comment on the line…'),
    { label: onMonth ? 'History of the cell…' : 'History of the line…', action: () => open({ id: 'audit', scope: period !== null ? { lineId: row.line.id, period } : { lineId: row.line.id } }) },
    item('data.add-line'),
    'separator',
    item('data.delete-line'),
    'separator',
    item('data.dimensions'),
  ];
}
