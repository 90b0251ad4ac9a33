import type { CellEdit } from '../../shared/domain/cell-edit';
import { planPaste } from '../../shared/clipboard/plan-paste';
import { parseTabularText } from '../../shared/clipboard/tabular-text';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { boundsOf, type CellRange } from '../selection/cell-range';

export type SheetPastePlan = { ok: true; edits: CellEdit[]; rounded: number; pasted: CellRange } | { ok: false; message: string; where?: string };

/**
 * A paste at a range of the sheet as shown (with the filter on, the shown lines only): rows go to
 * the lines shown from the range's top down, group rows passed by; all cells or none.
 */
export function planSheetPaste(view: SheetView, range: CellRange, text: string): SheetPastePlan {
  const bounds = boundsOf(range);
  const shownLines = view.display.rows.flatMap((row, index) => (row.kind === 'line' ? [{ line: { ...row.line, unit: row.account.unit }, index }] : []));
  const lineIndex = shownLines.findIndex((shown) => shown.index === bounds.top);
  if (lineIndex < 0) return { ok: false, message: 'Paste into a month cell of a budget line: move the cursor there first.' };
  const selectedLines = shownLines.filter((shown) => shown.index >= bounds.top && shown.index <= bounds.bottom).length;
  const plan = planPaste(
    { lines: shownLines.map((shown) => shown.line), periodLabels: view.model.periods.map((period) => period.label), currency: view.model.workbook.currency },
    { lineIndex, period: bounds.left },
    parseTabularText(text),
    { rows: selectedLines, columns: bounds.right - bounds.left + 1 },
  );
  if (!plan.ok) return plan;
  const lastRow = shownLines[lineIndex + plan.rows - 1]?.index ?? bounds.top;
  return { ok: true, edits: plan.edits, rounded: plan.rounded, pasted: { anchor: { row: bounds.top, column: bounds.left }, focus: { row: lastRow, column: bounds.left + plan.columns - 1 } } };
}
