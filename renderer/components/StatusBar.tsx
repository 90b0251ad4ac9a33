import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rowError } from '../../shared/sheet/sheet-view';
import { useShownSheet } from '../find/shown-sheet';
import { sheetCells } from '../grid/sheet-cells';
import { formatSelectionStats, selectionStats } from '../grid/selection-stats';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { useWorkbookStore } from '../state/workbook-store';

/** Sum, Average and Count of the budget sheet's selection, as a spreadsheet shows them (two or more cells with values). */
function SelectionFigures() {
  const sheet = useShownSheet();
  const range = useSelectionStore((state) => state.range);
  const display = useDisplayStore(useShallow((state) => ({ negatives: state.negatives, zero: state.zero, locale: state.locale })));
  const stats = useMemo(() => {
    if (sheet === null || range === null) return null;
    const errorAt = (row: number, column: number) => rowError(sheet, sheet.display.rows[row], [column]);
    return selectionStats(sheetCells(sheet), range, errorAt);
  }, [sheet, range]);
  if (stats === null) return null;
  const shown = formatSelectionStats(stats, amountFormatOf(display));
  return (
    <span className="status-selection" data-testid="selection-stats" title={stats.error ?? 'Of the selected cells that hold a value; blank cells are not counted'}>
      <span>
        Sum <b data-testid="selection-sum">{shown.sum}</b>
      </span>
      <span>
        Average <b data-testid="selection-average">{shown.average}</b>
      </span>
      <span>
        Count <b data-testid="selection-count">{shown.count}</b>
      </span>
    </span>
  );
}

/** Drawn again only when what it says changes: not for every change of the sheet's rows. */
export const StatusBar = memo(function StatusBar() {
  const current = useWorkbookStore((state) => state.session?.current ?? null);
  const { pendingWrites, saveError } = useSheetStore(useShallow((state) => ({ pendingWrites: state.pendingWrites, saveError: state.saveError })));
  const sheet = useSheetStore(
    useShallow((state) => (state.view === null ? null : { version: state.view.model.version.name, lines: state.view.rows.length, currency: state.view.model.workbook.currency })),
  );
  const cents = useDisplayStore((state) => state.sheetCents);
  const saveState = saveError !== null ? 'error' : pendingWrites > 0 ? 'saving' : 'saved';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-file" title={current?.path}>{current === null ? 'No workbook open' : current.path}</span>
      {sheet !== null && <SelectionFigures />}
      {sheet !== null && (
        <span className="status-meta" title={cents ? undefined : 'The sheet shows amounts in whole units; the formula bar and the selection’s sum are exact. View › Cents in the sheet shows cents.'}>
          {sheet.version} · {sheet.lines} line{sheet.lines === 1 ? '' : 's'} · {sheet.currency}
          {cents ? '' : ', whole units'}
        </span>
      )}
      {current !== null && (
        <span className={`status-save status-${saveState}`} data-testid="save-status" title={saveError ?? undefined}>
          {saveState === 'saved' ? 'All changes saved' : saveState === 'saving' ? 'Saving…' : 'Last change not saved'}
        </span>
      )}
    </footer>
  );
});
