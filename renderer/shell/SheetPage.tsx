import { memo, useCallback, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { CommandId } from '../../shared/commands/command-table';
import type { GridRow } from '../../shared/sheet/sheet-view';
import { ApprovedBanner } from '../approval/ApprovalControl';
import { setBudgetGrid } from '../commands/budget-cursor';
import { commandContext, commandStates } from '../commands/command-handlers';
import { CommentsPanel } from '../components/CommentsPanel';
import { ContextMenu, type MenuItem } from '../components/ContextMenu';
import { FormulaBar } from '../components/FormulaBar';
import { BudgetGrid } from '../grid/BudgetGrid';
import { useDialogStore } from '../state/dialog-store';
import { useSheetStore } from '../state/sheet-store';
import { useShellStore } from '../state/shell-store';
import { sheetMenuItems } from './sheet-context-menu';

/**
 * The budget sheet: the approval banner, the formula bar, the grid and the comments beside it.
 * It reads the sheet itself and is drawn again only when the sheet or its own props change, not
 * when the shell around it is (the command states after an edit, say).
 */
export const SheetPage = memo(function SheetPage({ dark, onRun }: { dark: boolean; onRun: (id: CommandId) => void }) {
  const view = useSheetStore((state) => state.view);
  const commentsOpen = useShellStore((state) => state.commentsOpen);
  const setCommentsOpen = useShellStore((state) => state.setCommentsOpen);
  const open = useDialogStore((state) => state.open);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  // The grid's callbacks keep their identity, so an edit does not hand AG Grid new options.
  const onReady = useCallback((api: GridApi<GridRow>) => setBudgetGrid(api), []);
  const onContextMenu = useCallback(
    (request: { row: GridRow; rowIndex: number; colId: string; x: number; y: number }) => {
      // The commands act on the line under the cursor: a right-click puts it there first.
      const context = commandContext();
      if (context.view === null) return;
      setMenu({ x: request.x, y: request.y, items: sheetMenuItems(request, context.view, commandStates(context), onRun) });
    },
    [onRun],
  );
  if (view === null) return null;
  if (view.rows.length === 0) {
    return (
      <main className="empty-sheet" data-testid="empty-sheet">
        <h2>This workbook has no budget lines yet</h2>
        <p>
          A line is one department&rsquo;s amounts on one account, month by month ({view.model.periods[0]?.label} to {view.model.periods[view.model.periods.length - 1]?.label}).
        </p>
        <button type="button" className="primary" onClick={() => onRun('data.add-line')} title="Add a budget line">
          Add line
        </button>
      </main>
    );
  }
  return (
    <>
      <ApprovedBanner version={view.model.version} onReopen={() => open({ id: 'approval', action: 'reopen' })} />
      <FormulaBar />
      <div className="sheet-area">
        <BudgetGrid view={view} dark={dark} onReady={onReady} onContextMenu={onContextMenu} />
        {commentsOpen && <CommentsPanel view={view} onClose={() => setCommentsOpen(false)} />}
      </div>
      {menu !== null && <ContextMenu x={menu.x} y={menu.y} items={menu.items} onClose={() => setMenu(null)} />}
    </>
  );
});
