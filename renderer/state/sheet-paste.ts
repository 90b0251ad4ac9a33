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
  // The display positions of the lines shown; only the lines the block can reach become paste targets.
  const shownLines: number[] = [];
  view.display.rows.forEach((row, index) => {
    if (row.kind === 'line') shownLines.push(index);
  });
  const lineIndex = shownLines.indexOf(bounds.top);
  if (lineIndex < 0) return { ok: false, message: 'Paste into a month cell of a budget line: move the cursor there first.' };
  let selectedLines = 0;
  for (let at = lineIndex; at < shownLines.length && (shownLines[at] ?? Infinity) <= bounds.bottom; at += 1) selectedLines += 1;
  const pasted = parseTabularText(text);
  const reach = shownLines.slice(lineIndex, lineIndex + Math.max(pasted.length, selectedLines));
  const lines = reach.map((position) => {
    const row = view.display.rows[position];
    return row?.kind === 'line' ? { id: row.line.id, description: row.line.description, unit: row.account.unit } : { id: 0, description: '' };
  });
  // The block's rows must fit in the lines below the cursor, all of them counted.
  const plan = planPaste(
    { lines, periodLabels: view.model.periods.map((period) => period.label), currency: view.model.workbook.currency },
    { lineIndex: 0, period: bounds.left },
    pasted,
    { rows: selectedLines, columns: bounds.right - bounds.left + 1 },
    shownLines.length - lineIndex,
  );
  if (!plan.ok) return plan;
  const lastRow = shownLines[lineIndex + plan.rows - 1] ?? bounds.top;
  return { ok: true, edits: plan.edits, rounded: plan.rounded, pasted: { anchor: { row: bounds.top, column: bounds.left }, focus: { row: lastRow, column: bounds.left + plan.columns - 1 } } };
}
