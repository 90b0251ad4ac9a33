import type { CellEdit } from '../domain/cell-edit';
import type { AccountUnit } from '../domain/workbook';
import { parseEntry } from '../money/parse-entry';
import { plainAmountText } from './plain-amount';

/** What a paste lands on: the grid's lines in display order and the month labels. */
export interface PasteTarget {
  /** each line's unit decides how its cells read: money to the cent, drivers to six decimals, rates as percentages */
  lines: readonly { id: number; description: string; unit?: AccountUnit }[];
  periodLabels: readonly string[];
  /** the workbook's currency (an ISO code): an amount may carry its mark, and no other */
  currency: string;
}

export type PastePlan =
  | { ok: true; edits: CellEdit[]; rows: number; columns: number; rounded: number }
  | { ok: false; message: string; where?: string };

/** The largest block one paste takes: a whole 10,000-line x 36-month sheet, with room. */
export const MAX_PASTE_CELLS = 400_000;

/**
 * Turns a pasted block into cell edits starting at a line and month: every cell must be an
 * amount (an empty cell clears), and the block must fit. The first problem refuses the whole
 * paste, named by its place in the block and in the sheet.
 */
export function planPaste(
  target: PasteTarget,
  anchor: { lineIndex: number; period: number },
  pasted: readonly (readonly string[])[],
  /** the selected range's size: a single copied cell fills all of it, as in Excel */
  selection?: { rows: number; columns: number },
  /** how many lines are below the anchor, when `target.lines` holds only those the block reaches */
  linesBelow: number = target.lines.length - anchor.lineIndex,
): PastePlan {
  const single = pasted.length === 1 && pasted[0]?.length === 1;
  const block =
    single && selection !== undefined && selection.rows * selection.columns > 1 && selection.rows * selection.columns <= MAX_PASTE_CELLS
      ? Array.from({ length: selection.rows }, () => Array.from({ length: selection.columns }, () => pasted[0]?.[0] ?? ''))
      : pasted;
  const rows = block.length;
  const columns = Math.max(0, ...block.map((row) => row.length));
  if (rows === 0 || columns === 0) return { ok: false, message: 'The clipboard holds no cells to paste.' };
  if (rows * columns > MAX_PASTE_CELLS) {
    return {
      ok: false,
      message: `The pasted block has ${(rows * columns).toLocaleString('en-US')} cells; one paste takes at most ${MAX_PASTE_CELLS.toLocaleString('en-US')}. Paste it in parts.`,
    };
  }
  const linesLeft = linesBelow;
  if (rows > linesLeft) {
    return { ok: false, message: `The pasted block has ${rows.toLocaleString('en-US')} rows but only ${linesLeft.toLocaleString('en-US')} lines are below the cursor. Add lines first or paste higher up.` };
  }
  const monthsLeft = target.periodLabels.length - anchor.period;
  if (columns > monthsLeft) {
    const from = target.periodLabels[anchor.period] ?? '';
    return { ok: false, message: `The pasted block is ${columns} columns wide but only ${monthsLeft} months run from ${from} to the end of the sheet.` };
  }
  const edits: CellEdit[] = [];
  let rounded = 0;
  for (let row = 0; row < rows; row += 1) {
    const line = target.lines[anchor.lineIndex + row];
    const cells = block[row] ?? [];
    for (let column = 0; column < columns; column += 1) {
      if (line === undefined) continue;
      const period = anchor.period + column;
      const text = (cells[column] ?? '').trim();
      if (text === '') {
        edits.push({ lineId: line.id, period, value: null });
        continue;
      }
      // Most pasted cells are plain numbers: read exactly without parsing (see plainAmountText).
      const plain = plainAmountText(text, line.unit ?? 'currency');
      if (plain !== null) {
        edits.push({ lineId: line.id, period, value: plain });
        continue;
      }
      const parsed = parseEntry(text, line.unit ?? 'currency', target.currency);
      if (!parsed.ok) {
        return {
          ok: false,
          message: `Nothing was pasted. Row ${row + 1}, column ${column + 1} of the pasted block: ${parsed.message}`,
          where: `${line.description}, ${target.periodLabels[period] ?? ''}`,
        };
      }
      if (parsed.roundedFrom !== undefined) rounded += 1;
      edits.push({ lineId: line.id, period, value: parsed.amount });
    }
  }
  return { ok: true, edits, rows, columns, rounded };
}
