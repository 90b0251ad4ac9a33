import type { AccountUnit, SheetComment } from '../domain/workbook';
import type { AmountText } from '../money/amount';
import { Decimal } from '../money/decimal';
import { readNumber } from '../money/parse-amount';
import { buildDisplay } from './sheet-groups';
import { commentPlace, type LineRow, type SheetView } from './sheet-view';

/**
 * Find in the sheet. A query matches text (a line's description, its department, its account's
 * code and name, a comment) as a case- and accent-insensitive substring, and, when it reads as a
 * number the way finance people type it (`1200`, `1,200.00`, `(300)`, `1.2k`, `$1,000`), it matches
 * every amount cell whose exact value equals it: no rounding, no partial digits, decimal compare.
 * On a rate line the number is its percentage (`22` or `22%` finds 22%); a query with `%` finds
 * rates only. Every match names its cell, so next and previous can put the cursor on it.
 */

/** Where a match is on its line: a dimension column, the line's name, a month, or the line's total. */
export type MatchColumn = 'department' | 'account' | 'description' | 'year' | number;

/** What matched: the text of a column, a comment on the cell, or the cell's amount. */
export type MatchField = 'text' | 'comment' | 'amount';

export interface LineMatch {
  lineId: number;
  column: MatchColumn;
  field: MatchField;
}

/** A query read once: its text for substring matching and, when it is a number, the exact value. */
export interface FindQuery {
  /** the query folded for comparison (lower case, no accents) */
  text: string;
  /** the number it reads as, canonical (no trailing zeros), or null */
  amount: { value: Decimal; canonical: string; percent: boolean } | null;
}

/** Lower case without accents, so `resume` finds `Résumé`. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query as find reads it, or null when there is nothing to look for. */
export function parseFindQuery(query: string, currency: string): FindQuery | null {
  const trimmed = query.trim();
  if (trimmed === '') return null;
  const percent = trimmed.endsWith('%');
  const read = readNumber(percent ? trimmed.slice(0, -1) : trimmed, currency);
  return {
    text: foldText(trimmed),
    amount: read.ok ? { value: read.value, canonical: read.value.isZero() ? '0' : read.value.toString(), percent } : null,
  };
}

export function textMatches(haystack: string, query: FindQuery): boolean {
  return haystack !== '' && foldText(haystack).includes(query.text);
}

/** A stored amount that is not in canonical form (an exponent, trailing zeros, a leading plus): compared as a decimal. */
const NOT_CANONICAL = /e|E|\.\d*0$|\.$|^\+|^-?0\d/;

/** Whether two amounts are the same number, exactly: canonical texts are equal, anything else compared as decimals. */
function sameAmount(text: AmountText, value: Decimal, canonical: string): boolean {
  if (text === canonical) return true;
  return NOT_CANONICAL.test(text) && new Decimal(text).eq(value);
}

/** Whether a cell's value (as stored: rates as fractions) is the query's number. */
export function amountMatches(text: AmountText | null | undefined, unit: AccountUnit, query: FindQuery): boolean {
  const amount = query.amount;
  if (amount === null || text === null || text === undefined || text === '') return false;
  if (unit === 'percent') {
    const fraction = amount.value.div(100);
    return sameAmount(text, fraction, fraction.isZero() ? '0' : fraction.toString());
  }
  return !amount.percent && sameAmount(text, amount.value, amount.canonical);
}

/** The matches on one line, in the order of its columns: department, account, name, months, total. */
export function matchesOfLine(row: LineRow, query: FindQuery, commentsByPlace: ReadonlyMap<string, readonly SheetComment[]>): LineMatch[] {
  const lineId = row.line.id;
  const matches: LineMatch[] = [];
  const commented = (period: number | null) => (commentsByPlace.get(commentPlace(lineId, period)) ?? []).some((comment) => textMatches(comment.text, query));
  if (textMatches(row.department, query)) matches.push({ lineId, column: 'department', field: 'text' });
  if (textMatches(`${row.account.code} ${row.account.name}`, query)) matches.push({ lineId, column: 'account', field: 'text' });
  if (textMatches(row.line.description, query)) matches.push({ lineId, column: 'description', field: 'text' });
  else if (commented(null)) matches.push({ lineId, column: 'description', field: 'comment' });
  const unit = row.account.unit;
  for (let period = 0; period < row.line.values.length; period += 1) {
    if (amountMatches(row.line.values[period], unit, query)) matches.push({ lineId, column: period, field: 'amount' });
    else if (commented(period)) matches.push({ lineId, column: period, field: 'comment' });
  }
  // A rate's months do not add up to a year: its total column is empty.
  if (unit !== 'percent' && query.amount !== null && !query.amount.percent && !row.year.isZero() && row.year.eq(query.amount.value)) {
    matches.push({ lineId, column: 'year', field: 'amount' });
  }
  return matches;
}

/**
 * The sheet's lines in the order the grid shows them, including lines inside collapsed groups
 * (find looks there too, and opens the group to show a match).
 */
export function linesInDisplayOrder(view: Pick<SheetView, 'display' | 'rows' | 'model'>): LineRow[] {
  const display = view.display.collapsed.size === 0 ? view.display : buildDisplay(view.rows, view.model.periods.length, view.display.grouping, new Set(), view.model);
  return display.rows.filter((row): row is LineRow => row.kind === 'line');
}

/** Every match of the query in the sheet, in display order, row by row and left to right. Empty for an empty query. */
export function findInSheet(view: Pick<SheetView, 'display' | 'rows' | 'model' | 'commentsByPlace'>, query: string): LineMatch[] {
  const parsed = parseFindQuery(query, view.model.workbook.currency);
  if (parsed === null) return [];
  return linesInDisplayOrder(view).flatMap((row) => matchesOfLine(row, parsed, view.commentsByPlace));
}

/** The lines that have at least one match, for the filter. */
export function matchedLineIds(matches: readonly LineMatch[]): Set<number> {
  return new Set(matches.map((match) => match.lineId));
}

/** The groups a line sits in, outermost first (to open the collapsed ones when find goes to the line). */
export function groupsAboveLine(view: Pick<SheetView, 'display' | 'rows' | 'model'>, lineId: number): string[] {
  const display = view.display.collapsed.size === 0 ? view.display : buildDisplay(view.rows, view.model.periods.length, view.display.grouping, new Set(), view.model);
  const at = display.lineIndex.get(lineId);
  if (at === undefined) return [];
  const groups: string[] = [];
  let level = Number.POSITIVE_INFINITY;
  for (let index = at - 1; index >= 0 && level > 0; index -= 1) {
    const row = display.rows[index];
    if (row?.kind === 'group' && row.level < level) {
      groups.unshift(row.id);
      level = row.level;
    }
  }
  return groups;
}
