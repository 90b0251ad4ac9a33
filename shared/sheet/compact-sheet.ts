import type { BudgetLine, SheetModel } from '../domain/workbook';
import type { AmountText } from '../money/amount';
import type { SheetSeed } from './sheet-seed';

/**
 * A version's lines as `sheet/read-sheet` sends them: one array per field instead of an object
 * per line, and each line's amounts as one text. 10,000 lines x 36 months are 1.9 MB of JSON
 * this way against 4.3 MB as objects, and the browser receives the answer in half the time.
 * Amounts stay the exact canonical decimal texts of the file: nothing is converted.
 */
export interface SheetLineColumns {
  ids: number[];
  departmentIds: number[];
  accountIds: number[];
  descriptions: string[];
  formulas: (string | null)[];
  proposalIds: (number | null)[];
  goalIds: (number | null)[];
  /** each line's amounts in period order joined by `;`, an empty place for an empty cell; empty places at the end are left out */
  values: string[];
}

/** A sheet model whose lines travel as columns (see SheetLineColumns). */
export interface CompactSheet extends Omit<SheetModel, 'lines'> {
  lines: SheetLineColumns;
  /** what the back computed from these lines, so the page shows them sooner (`sheet/read-sheet` only; see SheetSeed) */
  seed?: SheetSeed;
}

/** Between two amounts of a line: canonical amounts never hold it (digits, a sign and a point only). */
export const AMOUNT_SEPARATOR = ';';

/** A line's amounts as one text: `1250.5;;-300` for three months of which the second is empty. */
export function joinAmounts(values: readonly (AmountText | null)[]): string {
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? null) === null) end -= 1;
  let text = '';
  for (let period = 0; period < end; period += 1) text += period === 0 ? (values[period] ?? '') : AMOUNT_SEPARATOR + (values[period] ?? '');
  return text;
}

/** The amounts of a line from its text, one per period (null where empty). */
export function splitAmounts(text: string, periodCount: number, where: string): (AmountText | null)[] {
  const values: (AmountText | null)[] = text === '' ? [] : text.split(AMOUNT_SEPARATOR);
  if (values.length > periodCount) throw new Error(`The sheet's answer is malformed: ${where} has ${values.length} amounts for ${periodCount} months.`);
  for (let period = 0; period < values.length; period += 1) if (values[period] === '') values[period] = null;
  for (let period = values.length; period < periodCount; period += 1) values.push(null);
  return values;
}

const COLUMN_NAMES = ['departmentIds', 'accountIds', 'descriptions', 'formulas', 'proposalIds', 'goalIds', 'values'] as const;

/** The lines as objects, as every view of the sheet reads them. */
export function linesOfColumns(columns: SheetLineColumns, periodCount: number): BudgetLine[] {
  const count = columns.ids.length;
  for (const name of COLUMN_NAMES) {
    if (columns[name].length !== count) throw new Error(`The sheet's answer is malformed: ${count} line ids but ${columns[name].length} ${name}.`);
  }
  const lines = new Array<BudgetLine>(count);
  for (let index = 0; index < count; index += 1) lines[index] = lineOfColumns(columns, index, periodCount);
  return lines;
}

/** The line at `index` of the columns, as an object. */
export function lineOfColumns(columns: SheetLineColumns, index: number, periodCount: number): BudgetLine {
  const id = columns.ids[index] ?? 0;
  return {
    id,
    departmentId: columns.departmentIds[index] ?? 0,
    accountId: columns.accountIds[index] ?? 0,
    description: columns.descriptions[index] ?? '',
    values: splitAmounts(columns.values[index] ?? '', periodCount, `line ${id}`),
    formula: columns.formulas[index] ?? null,
    proposalId: columns.proposalIds[index] ?? null,
    goalId: columns.goalIds[index] ?? null,
  };
}

/** Lines as columns: what the back sends (the back reads them so straight from the file). */
export function columnsOfLines(lines: readonly BudgetLine[]): SheetLineColumns {
  return {
    ids: lines.map((line) => line.id),
    departmentIds: lines.map((line) => line.departmentId),
    accountIds: lines.map((line) => line.accountId),
    descriptions: lines.map((line) => line.description),
    formulas: lines.map((line) => line.formula),
    proposalIds: lines.map((line) => line.proposalId ?? null),
    goalIds: lines.map((line) => line.goalId ?? null),
    values: lines.map((line) => joinAmounts(line.values)),
  };
}

/** The sheet model of a compact sheet: its lines as objects, everything else as it came but its seed (see seededSheet). */
export function expandSheet(compact: CompactSheet): SheetModel {
  const { seed: _seed, ...model } = compact;
  return { ...model, lines: linesOfColumns(compact.lines, compact.periods.length) };
}

/** The sheet model of a compact sheet, and the seed the back sent with it (null when none). */
export function seededSheet(compact: CompactSheet): { model: SheetModel; seed: SheetSeed | null } {
  return { model: expandSheet(compact), seed: compact.seed ?? null };
}
