import { Decimal } from '../money/decimal';

/** What an export of an approved version carries: who approved which version when, and a hash of its content. */
export interface ApprovalStamp {
  workbook: string;
  version: string;
  approvedBy: string;
  /** ISO 8601, UTC */
  approvedAt: string;
  /** SHA-256, hex, of the canonical content */
  sha256: string;
}

/** A line as the stamp covers it: its names and its values. */
export interface StampedLine {
  department: string;
  accountCode: string;
  description: string;
  values: readonly (string | null)[];
}

/** An amount in the one form both Tandem and a file read back give: decimal.js's plain notation, no trailing zeros. */
export function canonicalNumber(value: string | number | null): string {
  if (value === null || value === '') return '';
  return new Decimal(value).toString();
}

/**
 * The text a stamp's hash covers: the approval, the months, and every line with its values,
 * lines sorted so the order of sheets or rows in a file does not matter. Any change of a name,
 * a month or an amount changes it.
 */
export function canonicalContent(stamp: Omit<ApprovalStamp, 'sha256'>, periodKeys: readonly string[], lines: readonly StampedLine[]): string {
  // A line break reads back from XLSX as LF whatever it was written as: every break is one space.
  const clean = (text: string) => text.replace(/\r\n?|\n|\t/g, ' ');
  const records = lines
    .map((line) => [clean(line.department), clean(line.accountCode), clean(line.description), ...line.values.map(canonicalNumber)].join('\t'))
    .sort();
  return [
    'tandem-approval-stamp 1',
    `workbook\t${clean(stamp.workbook)}`,
    `version\t${clean(stamp.version)}`,
    `approved-by\t${clean(stamp.approvedBy)}`,
    `approved-at\t${stamp.approvedAt}`,
    `periods\t${periodKeys.join('\t')}`,
    ...records,
    '',
  ].join('\n');
}
