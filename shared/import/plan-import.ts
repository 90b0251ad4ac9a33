import type { Account, AccountUnit, Department } from '../domain/workbook';
import { isCanonicalAmount, isCanonicalQuantity, type AmountText } from '../money/amount';
import { parseEntry } from '../money/parse-entry';

/** What a column of the imported file holds. */
export type ImportField =
  | { kind: 'ignore' }
  | { kind: 'department' }
  | { kind: 'account' }
  | { kind: 'line' }
  /** long layout: the month of the record's amount */
  | { kind: 'period' }
  /** long layout: the amount */
  | { kind: 'amount' }
  /** wide layout: this column is one month (by its index in the target's months) */
  | { kind: 'month'; period: number };

export interface ImportMapping {
  columns: ImportField[];
  /** how the file writes decimals: `1,250.50` (point) or `1.250,50` (comma) */
  decimalSeparator: '.' | ',';
}

/** A month of the version being imported into: its key (`2027-01`), its label (`Jan 2027`). */
export interface ImportPeriod {
  key: string;
  label: string;
}

export interface ImportContext {
  departments: readonly Department[];
  accounts: readonly Account[];
  lines: readonly { id: number; departmentId: number; accountId: number; description: string; formula: string | null }[];
  periods: readonly ImportPeriod[];
  /** the target version's current values by line id, for counting what changes */
  values: ReadonlyMap<number, readonly (AmountText | null)[]>;
  /** the workbook's currency (an ISO code): amounts may carry its mark, and no other */
  currency: string;
}

/** A problem with one row of the file, by its row number as a spreadsheet shows it. */
export interface ImportProblem {
  row: number;
  message: string;
}

/** A line the import creates, with the key its cells refer to. */
export interface NewLine {
  key: string;
  departmentId: number;
  accountId: number;
  description: string;
}

/** A cell to set: on an existing line (by id) or on a line the import creates (by key). */
export interface ImportCell {
  line: { id: number } | { key: string };
  period: number;
  /** null empties the cell (a merged package can clear one) */
  value: AmountText | null;
}

export interface ImportPlan {
  problems: ImportProblem[];
  /** every problem counted, when only the first ones are listed */
  problemCount: number;
  newLines: NewLine[];
  /** what the import writes: values set, and (value null) cells it empties */
  cells: ImportCell[];
  /** of `cells`, those the import empties: the file names their month and leaves it empty */
  cleared: number;
  /** cells whose value is already what the file says: a second import of the same file changes nothing */
  unchanged: number;
  rounded: number;
  /** cells on formula lines, which compute their months: passed by (a file exported from Tandem has them) */
  computed: number;
  /** data rows read */
  rows: number;
}

const MAX_LISTED_PROBLEMS = 200;

/** The month a long-layout cell names: a key (2027-01), a label (Jan 2027), or a date (2027-01-31, 31/01/2027). */
function periodOf(text: string, periods: readonly ImportPeriod[]): number | null {
  const trimmed = text.trim();
  const byKey = periods.findIndex((period) => period.key === trimmed || period.label.toLowerCase() === trimmed.toLowerCase());
  if (byKey >= 0) return byKey;
  const iso = /^(\d{4})-(\d{1,2})(-\d{1,2})?$/.exec(trimmed);
  const european = /^\d{1,2}[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const [year, month] = iso !== null ? [iso[1], iso[2]] : european !== null ? [european[2], european[1]] : [undefined, undefined];
  if (year === undefined || month === undefined) return null;
  const key = `${year}-${month.padStart(2, '0')}`;
  const index = periods.findIndex((period) => period.key === key);
  return index >= 0 ? index : null;
}

/** Distinct month texts remembered by a finder: a file names a few dozen. */
const REMEMBERED_MONTHS = 10_000;

/** `periodOf` for many texts: keys and labels looked up, each text's answer remembered. */
function periodFinder(periods: readonly ImportPeriod[]): (text: string) => number | null {
  const known = new Map<string, number | null>();
  return (text) => {
    const found = known.get(text);
    if (found !== undefined) return found;
    const period = periodOf(text, periods);
    if (known.size < REMEMBERED_MONTHS) known.set(text, period);
    return period;
  };
}

/** An amount as the file writes it, in the canonical form of the line's unit. */
function amountOf(text: string, unit: AccountUnit, decimalSeparator: '.' | ',', currency: string): { ok: true; amount: AmountText; rounded: boolean } | { ok: false; message: string } {
  const trimmed = text.trim();
  // Most cells of a machine-written file (a Tandem or ERP export) are already canonical: no parsing needed.
  if (decimalSeparator === '.' && (unit === 'currency' ? isCanonicalAmount(trimmed) : isCanonicalQuantity(trimmed))) return { ok: true, amount: trimmed, rounded: false };
  if (/^[=+@]/.test(trimmed) && !/^\+?\d/.test(trimmed)) return { ok: false, message: `“${trimmed}” is a formula, not an amount: export the values instead.` };
  if (/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(trimmed)) return { ok: false, message: `“${trimmed}” is in scientific notation: write the number in full (12e5 is 1200000).` };
  // A decimal comma: points may only group thousands, and one comma is the point. Anything else
  // (`12,500.00`, `1250.5`) is refused rather than read as another number.
  const digits = trimmed.replace(/^\((.*)\)$/, '$1').replace(/^[-+]/, '').replace(/\s*[kmKM]$/, '');
  if (decimalSeparator === ',' && !/^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(digits)) {
    return { ok: false, message: `“${trimmed}” is not an amount with a decimal comma (such as 1.250,50 or 1250,5). If the file writes 1,250.50, choose “Point” as the decimal separator.` };
  }
  const normal = decimalSeparator === ',' ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  // Files hold rates as fractions (0.235), as Tandem and spreadsheets store them; only “23.5%” is a percentage.
  const parsed = parseEntry(normal, unit === 'percent' && !normal.endsWith('%') ? 'number' : unit, currency);
  if (!parsed.ok) {
    const hint = decimalSeparator === '.' && /^\d{1,3}(\.\d{3})+,\d+$/.test(trimmed) ? ' It looks like a decimal comma: choose “Comma” as the decimal separator.' : '';
    return { ok: false, message: `${parsed.message}${hint}` };
  }
  return { ok: true, amount: parsed.amount, rounded: parsed.roundedFrom !== undefined };
}

/**
 * Reads every row of an imported table against the workbook: departments and accounts by
 * name or code, the line by its description (or the only line of that department and
 * account), months by key, label or date, amounts as finance writes them (and as typing
 * reads them: the same size rule, only the workbook's own currency mark). Nothing is written
 * here: the plan lists every problem by row, or what the import would create and change.
 *
 * What the file says about each cell, so that a file exported, edited in a spreadsheet and
 * imported back leaves the workbook equal to the file:
 * - The file speaks for the cells it names: each (line, month) of a data row, for the month
 *   columns mapped (wide layout) or the record's period (long layout).
 * - A named cell with an amount takes that amount; a named cell left empty is emptied (a
 *   cleared cell in the spreadsheet is cleared in the workbook; undo brings it back).
 * - Cells the file does not name are left alone: lines without a row, months without a
 *   column (wide) or without a record (long). A partial file changes only what it names.
 * - A cell named twice is a duplicate, even when one of the two is empty.
 * - A line the import creates has no cells yet: its empty fields create nothing.
 * - Formula lines compute their months: their rows are passed by (`computed`).
 */
export function planImport(rows: readonly (readonly string[])[], firstRowNumber: number, mapping: ImportMapping, context: ImportContext, rowNumbers?: readonly number[]): ImportPlan {
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const problem = (row: number, message: string) => {
    problemCount += 1;
    if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ row, message });
  };
  const columnOf = (kind: ImportField['kind']) => mapping.columns.findIndex((field) => field.kind === kind);
  const departmentColumn = columnOf('department');
  const accountColumn = columnOf('account');
  const lineColumn = columnOf('line');
  const periodColumn = columnOf('period');
  const amountColumn = columnOf('amount');
  const monthColumns = mapping.columns.flatMap((field, column) => (field.kind === 'month' ? [{ column, period: field.period }] : []));
  const empty: ImportPlan = { problems, problemCount, newLines: [], cells: [], cleared: 0, unchanged: 0, rounded: 0, computed: 0, rows: rows.length };
  if (departmentColumn < 0 || accountColumn < 0) {
    problem(firstRowNumber, 'Map a column to Department and one to Account.');
    return { ...empty, problemCount };
  }
  const long = amountColumn >= 0;
  if (long && periodColumn < 0) {
    problem(firstRowNumber, 'An Amount column needs a Period column beside it (long layout), or map month columns instead (wide layout).');
    return { ...empty, problemCount };
  }
  if (!long && monthColumns.length === 0) {
    problem(firstRowNumber, 'Map an Amount and a Period column (long layout), or the month columns (wide layout).');
    return { ...empty, problemCount };
  }
  const outside = monthColumns.find(({ period }) => period >= context.periods.length);
  if (outside !== undefined) {
    problem(firstRowNumber, `Column ${outside.column + 1} is mapped to a month this version does not have (it runs ${context.periods[0]?.label ?? ''} to ${context.periods[context.periods.length - 1]?.label ?? ''}).`);
    return { ...empty, problemCount };
  }

  const departments = new Map<string, Department>();
  for (const department of context.departments) departments.set(department.name.trim().toLowerCase(), department);
  const accounts = new Map<string, Account>();
  for (const account of context.accounts) {
    accounts.set(account.code.trim().toLowerCase(), account);
    accounts.set(account.name.trim().toLowerCase(), account);
    accounts.set(`${account.code} ${account.name}`.trim().toLowerCase(), account);
  }
  // Lines by department and account, and by description within them: one lookup per row, however many lines share a place.
  type Line = (typeof context.lines)[number];
  /** Where a row's cells go: a line (or a new line's key), or null for a formula line, which computes its months. */
  interface Place {
    department: Department;
    account: Account;
    description: string;
    target: ImportCell['line'] | null;
    current: readonly (AmountText | null)[] | undefined;
    seen: Int32Array;
  }
  const linesByPlace = new Map<string, Line[]>();
  const lineByName = new Map<string, Line>();
  for (const line of context.lines) {
    const place = `${line.departmentId}:${line.accountId}`;
    const atPlace = linesByPlace.get(place);
    if (atPlace === undefined) linesByPlace.set(place, [line]);
    else atPlace.push(line);
    const named = `${place}:${line.description.toLowerCase()}`;
    if (!lineByName.has(named)) lineByName.set(named, line);
  }
  const newLines = new Map<string, NewLine>();
  const cells: ImportCell[] = [];
  let cleared = 0;
  let unchanged = 0;
  let rounded = 0;
  let computed = 0;

  const headerAccounts = new Set(context.accounts.map((account) => account.parentId));
  const months = periodFinder(context.periods);
  /** Per place (a line's id, or a new line's key): the row that set each month, 0 for none yet. */
  const seenByPlace = new Map<string, Int32Array>();
  const placeOf = (department: Department, account: Account, description: string): Place | string => {
    const candidates = linesByPlace.get(`${department.id}:${account.id}`) ?? [];
    let existing: Line | undefined;
    if (description !== '') existing = lineByName.get(`${department.id}:${account.id}:${description.toLowerCase()}`);
    else if (candidates.length === 1) existing = candidates[0];
    else if (candidates.length > 1) return `${department.name} has ${candidates.length} lines on ${account.code} ${account.name}: map a Line column to say which.`;
    let target: ImportCell['line'];
    if (existing !== undefined) {
      if (existing.formula !== null) return { department, account, description, target: null, current: undefined, seen: new Int32Array(0) };
      target = { id: existing.id };
    } else {
      const newDescription = description === '' ? account.name : description;
      const key = `${department.id}:${account.id}:${newDescription.toLowerCase()}`;
      if (!newLines.has(key)) newLines.set(key, { key, departmentId: department.id, accountId: account.id, description: newDescription });
      target = { key };
    }
    const place = 'id' in target ? String(target.id) : target.key;
    let seen = seenByPlace.get(place);
    if (seen === undefined) seenByPlace.set(place, (seen = new Int32Array(context.periods.length)));
    return { department, account, description, target, current: 'id' in target ? context.values.get(target.id) : undefined, seen };
  };
  /** What a row's names come to: a problem, or the place its cells go. */
  const resolve = (departmentName: string, accountName: string, description: string): Place | string => {
    const department = departments.get(departmentName.toLowerCase());
    const account = accounts.get(accountName.toLowerCase());
    if (department === undefined) return departmentName === '' ? 'The department is empty.' : `There is no department “${departmentName}” in this workbook.`;
    if (account === undefined) return accountName === '' ? 'The account is empty.' : `There is no account “${accountName}” (by code or name) in this workbook.`;
    if (headerAccounts.has(account.id)) return `“${account.code} ${account.name}” is a header account: import onto the accounts under it.`;
    return placeOf(department, account, description);
  };
  // A line's records follow each other in a long file: the last row's names are resolved once for all of them.
  let last: { departmentName: string; accountName: string; description: string; place: Place | string } | null = null;

  rows.forEach((cellsOfRow, index) => {
    // A sheet's own row numbers where the reader kept them (an XLSX skips blank rows), else counted.
    const rowNumber = rowNumbers?.[index] ?? firstRowNumber + index;
    if (cellsOfRow.every((cell) => cell.trim() === '')) return;
    const text = (column: number) => (cellsOfRow[column] ?? '').trim();
    const departmentName = text(departmentColumn);
    const accountName = text(accountColumn);
    const description = lineColumn >= 0 ? text(lineColumn) : '';
    if (last === null || last.departmentName !== departmentName || last.accountName !== accountName || last.description !== description) {
      last = { departmentName, accountName, description, place: resolve(departmentName, accountName, description) };
    }
    const { place } = last;
    if (typeof place === 'string') return problem(rowNumber, place);
    if (place.target === null) {
      computed += 1;
      return;
    }
    const { department, account, target, current, seen } = place;
    const setCell = (period: number, raw: string, column: number) => {
      const empty = raw.trim() === '';
      const amount = empty ? null : amountOf(raw, account.unit, mapping.decimalSeparator, context.currency);
      if (amount !== null && !amount.ok) return problem(rowNumber, `Column ${column + 1}: ${amount.message}`);
      const earlier = seen[period] ?? 0;
      if (earlier !== 0) return problem(rowNumber, `Row ${earlier} already sets ${department.name} · ${account.code} ${account.name}${description === '' ? '' : ` · ${description}`} for ${context.periods[period]?.label ?? ''}: a duplicate.`);
      seen[period] = rowNumber;
      const before = current?.[period] ?? null;
      if (amount === null) {
        // An empty field empties the cell; an empty cell (or a new line's) has nothing to clear.
        if (before === null) return;
        cleared += 1;
        cells.push({ line: target, period, value: null });
        return;
      }
      if (amount.rounded) rounded += 1;
      if (before === amount.amount) unchanged += 1;
      else cells.push({ line: target, period, value: amount.amount });
    };
    if (long) {
      const period = months(text(periodColumn));
      if (period === null) return problem(rowNumber, `“${text(periodColumn)}” is not a month of this version (${context.periods[0]?.label ?? ''} to ${context.periods[context.periods.length - 1]?.label ?? ''}).`);
      setCell(period, text(amountColumn), amountColumn);
    } else {
      for (const { column, period } of monthColumns) setCell(period, text(column), column);
    }
  });
  return { problems, problemCount, newLines: [...newLines.values()], cells, cleared, unchanged, rounded, computed, rows: rows.length };
}

/** A first guess at what each column holds, from its header. */
export function suggestMapping(headers: readonly string[], periods: readonly ImportPeriod[]): ImportField[] {
  const taken = new Set<string>();
  return headers.map((header): ImportField => {
    const name = header.trim().toLowerCase();
    const pick = (kind: 'department' | 'account' | 'line' | 'period' | 'amount'): ImportField => {
      if (taken.has(kind)) return { kind: 'ignore' };
      taken.add(kind);
      return { kind };
    };
    const month = periodOf(header, periods);
    if (month !== null) return { kind: 'month', period: month };
    if (/^(department|dept|cost cent(er|re)|division)$/.test(name)) return pick('department');
    if (/^(account( code)?|gl( account)?|account number|code)$/.test(name)) return pick('account');
    if (/^(line|description|memo|item)$/.test(name)) return pick('line');
    if (/^(period|month|date|posting date)$/.test(name)) return pick('period');
    if (/^(amount|value|net amount|balance|actual)$/.test(name)) return pick('amount');
    return { kind: 'ignore' };
  });
}
