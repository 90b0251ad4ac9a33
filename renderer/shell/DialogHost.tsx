import { lazy, Suspense } from 'react';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { ApprovalDialog } from '../approval/ApprovalDialog';
import { AuditDialog } from '../audit/AuditDialog';
import { CommentDialog } from '../components/CommentDialog';
import { DimensionsDialog } from '../components/DimensionsDialog';
import { DisplayDialog } from '../components/DisplayDialog';
import { DeleteDepartmentDialog, RenameGroupDialog } from '../components/GroupDialogs';
import { AddLineDialog, DeleteLineDialog, MoveLineDialog } from '../components/LineDialogs';
import { SpreadDialog } from '../components/SpreadDialog';
import { ExportDialog } from '../export/ExportDialog';
import { VerifyDialog } from '../export/VerifyDialog';
import { TagLinesDialog } from '../goals/TagLinesDialog';
import { ImportDialog } from '../import/ImportDialog';
import { PackageDialog } from '../package/PackageDialog';
import { dimensionActions } from '../state/dimension-actions';
import { useDialogStore, type DialogRequest } from '../state/dialog-store';
import { useSheetStore } from '../state/sheet-store';
import { useShellStore } from '../state/shell-store';
import { UserNameDialog } from '../settings/UserNameDialog';
import { WorkbookSettingsDialog } from '../settings/WorkbookSettingsDialog';
import { ScenarioDialog } from '../versions/ScenarioDialog';
import { VersionsDialog } from '../versions/VersionsDialog';
import { AboutDialog, ShortcutsDialog } from './HelpDialogs';

// The report (and the charting library it draws with) loads when it is first opened.
const BudgetReport = lazy(() => import('../report/BudgetReport').then((module) => ({ default: module.BudgetReport })));

/** Draws the one dialog that is open, by its id: commands, menus and views open them through the dialog store. */
export function DialogHost() {
  const dialog = useDialogStore((state) => state.dialog);
  const close = useDialogStore((state) => state.close);
  // The sheet only while a dialog is open: with none, an edit does not draw the host again.
  const view = useSheetStore((state) => (dialog === null ? null : state.view));
  if (dialog === null) return null;
  // Dialogs that do not need the sheet.
  if (dialog.id === 'display') return <DisplayDialog onClose={close} />;
  if (dialog.id === 'verify') return <VerifyDialog onClose={close} />;
  if (dialog.id === 'shortcuts') return <ShortcutsDialog onClose={close} />;
  if (dialog.id === 'about') return <AboutDialog onClose={close} />;
  if (dialog.id === 'user-name') return <UserNameDialog onClose={close} />;
  if (dialog.id === 'workbook-settings') return <WorkbookSettingsDialog onClose={close} />;
  if (view === null) return null;
  return <SheetDialog dialog={dialog} view={view} close={close} />;
}

function SheetDialog({ dialog, view, close }: { dialog: DialogRequest; view: SheetView; close: () => void }) {
  const sheet = useSheetStore.getState();
  const open = useDialogStore((state) => state.open);
  switch (dialog.id) {
    case 'dimensions':
      return <DimensionsDialog view={view} onClose={close} />;
    case 'versions':
      return <VersionsDialog view={view} onClose={close} />;
    case 'adjust':
      return <ScenarioDialog view={view} onClose={close} />;
    case 'approval':
      return <ApprovalDialog version={view.model.version} action={dialog.action} onClose={close} />;
    case 'export':
      return <ExportDialog view={view} onClose={close} onVerify={() => open({ id: 'verify' })} />;
    case 'import':
      return <ImportDialog view={view} onClose={close} />;
    case 'packages':
      return <PackageDialog view={view} onClose={close} />;
    case 'report':
      return (
        <Suspense fallback={<div className="report-view">Preparing the report…</div>}>
          <BudgetReport view={view} onClose={close} />
        </Suspense>
      );
    case 'audit':
      return <AuditDialog view={view} scope={dialog.scope} onClose={close} />;
    case 'add-line':
      return (
        <AddLineDialog
          view={view}
          proposed={{ departmentId: dialog.departmentId, accountId: dialog.accountId }}
          onClose={close}
          onAdd={(departmentId, accountId, description) => {
            close();
            void sheet.addLine(departmentId, accountId, description);
          }}
        />
      );
    case 'comment':
      return (
        <CommentDialog
          view={view}
          row={dialog.row}
          period={dialog.period}
          onClose={close}
          onSave={(text) => {
            close();
            useShellStore.getState().setCommentsOpen(true);
            void sheet.addComment(dialog.row.line.id, dialog.period, text);
          }}
        />
      );
    case 'spread':
      return (
        <SpreadDialog
          view={view}
          row={dialog.row}
          onClose={close}
          onSpread={(total, method) => {
            close();
            void sheet.spreadTotal(dialog.row.line.id, total, method);
          }}
        />
      );
    case 'move-line':
      return (
        <MoveLineDialog
          view={view}
          row={dialog.row}
          onClose={close}
          onMove={(departmentId, accountId) => {
            close();
            void dimensionActions.relocateLine(dialog.row.line.id, departmentId, accountId, dialog.row.line.description);
          }}
        />
      );
    case 'tag-lines':
      return <TagLinesDialog view={view} lineIds={dialog.lineIds} onClose={close} />;
    case 'rename-group':
      return (
        <RenameGroupDialog
          what={dialog.what}
          name={dialog.name}
          onClose={close}
          onSave={(name) => {
            close();
            void sheet.renameDimension(dialog.what, dialog.targetId, name);
          }}
        />
      );
    case 'delete-department':
      return (
        <DeleteDepartmentDialog
          name={dialog.name}
          lineCount={view.rows.filter((row) => row.line.departmentId === dialog.targetId).length}
          filledCells={view.rows.filter((row) => row.line.departmentId === dialog.targetId && row.line.formula === null).reduce((count, row) => count + row.line.values.filter((value) => value !== null).length, 0)}
          onClose={close}
          onConfirm={() => {
            close();
            void dimensionActions.deleteDepartment(dialog.targetId, true);
          }}
        />
      );
    case 'delete-line':
      return (
        <DeleteLineDialog
          row={dialog.row}
          onClose={close}
          onConfirm={() => {
            close();
            void sheet.deleteLine(dialog.row.line.id);
          }}
        />
      );
    default:
      return null;
  }
}
