import { create } from 'zustand';
import type { ApprovalAction } from '../../shared/domain/approval';
import type { LineRow } from '../../shared/sheet/sheet-view';

/** Whose history the audit dialog shows: the workbook, a line, or one cell. */
export interface AuditScopeRequest {
  lineId?: number;
  period?: number;
}

/**
 * Every dialog the shell can open, by id with what it needs. Commands, context menus and views
 * open dialogs through this store; the dialog host draws the one that is open.
 */
export type DialogRequest =
  | { id: 'add-line'; departmentId: number | null; accountId: number | null }
  | { id: 'delete-line'; row: LineRow }
  | { id: 'move-line'; row: LineRow }
  | { id: 'tag-lines'; lineIds: number[] }
  | { id: 'spread'; row: LineRow }
  | { id: 'comment'; row: LineRow; period: number | null }
  | { id: 'rename-group'; what: 'department' | 'account'; targetId: number; name: string }
  | { id: 'delete-department'; targetId: number; name: string }
  | { id: 'dimensions' }
  | { id: 'versions' }
  | { id: 'adjust' }
  | { id: 'display' }
  | { id: 'approval'; action: ApprovalAction }
  | { id: 'audit'; scope: AuditScopeRequest }
  | { id: 'export' }
  | { id: 'verify' }
  | { id: 'import' }
  | { id: 'packages' }
  | { id: 'report' }
  | { id: 'user-name' }
  | { id: 'workbook-settings' }
  | { id: 'shortcuts' }
  | { id: 'about' };

export type DialogId = DialogRequest['id'];

interface DialogState {
  dialog: DialogRequest | null;
  open(request: DialogRequest): void;
  close(): void;
}

export const useDialogStore = create<DialogState>((set) => ({
  dialog: null,
  open: (request) => set({ dialog: request }),
  close: () => set({ dialog: null }),
}));
