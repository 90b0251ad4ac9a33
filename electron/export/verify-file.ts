import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { canonicalContent, type ApprovalStamp, type StampedLine } from '../../shared/export/approval-stamp';
import { sha256Hex } from './approval-stamp';
import { COVER_LABELS } from './xlsx-export';
import { checkZipSeal } from './zip-stamp';

/** What `npm run verify` and the Verify command say of a file. */
export type VerifyResult =
  | { ok: true; stamp: ApprovalStamp; lines: number }
  | { ok: false; reason: string; stamp: ApprovalStamp | null };

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
};

/** A text cell as written: the apostrophe that neutralised a formula-like text is taken off again. */
const unneutralised = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/**
 * Checks an exported XLSX against its approval: every byte against the seal in the zip's
 * comment, then the cover sheet's approval and content hash against the budget sheets' lines
 * (names and month values) read back. A SHA-256 is a checksum, not a signature: it shows a
 * file was changed, not who made it.
 */
export async function verifyFile(path: string): Promise<VerifyResult> {
  if (!existsSync(path)) return { ok: false, reason: `There is no file at ${path}.`, stamp: null };
  if (extname(path).toLowerCase() !== '.xlsx') return { ok: false, reason: 'Only XLSX exports carry a stamp inside the file; a CSV export is checked against its .approval.json file.', stamp: null };
  const seal = checkZipSeal(readFileSync(path));
  if (!seal.ok) return { ok: false, reason: seal.reason, stamp: null };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    return { ok: false, reason: `The file does not open as an XLSX workbook (${error instanceof Error ? error.message : String(error)}): it was changed or damaged.`, stamp: null };
  }
  const cover = workbook.getWorksheet('Cover');
  if (cover === undefined) return { ok: false, reason: 'The file has no Cover sheet: it is not a Tandem export.', stamp: null };
  const fields = new Map<string, string>();
  cover.eachRow((row) => fields.set(cellText(row.getCell(1).value), unneutralised(cellText(row.getCell(2).value))));
  const stamp: ApprovalStamp = {
    workbook: fields.get(COVER_LABELS.workbook) ?? '',
    version: fields.get(COVER_LABELS.version) ?? '',
    approvedBy: fields.get(COVER_LABELS.approvedBy) ?? '',
    approvedAt: fields.get(COVER_LABELS.approvedAt) ?? '',
    sha256: fields.get(COVER_LABELS.sha256) ?? '',
  };
  if (!/^[0-9a-f]{64}$/.test(stamp.sha256)) return { ok: false, reason: 'The file carries no approval stamp: it was exported from a version that was not approved.', stamp: null };
  const lines: StampedLine[] = [];
  let periodLabels: string[] | null = null;
  for (const sheet of workbook.worksheets) {
    if (['Cover', 'Proposals', 'Audit trail'].includes(sheet.name)) continue;
    const header = sheet.getRow(1);
    const labels: string[] = [];
    for (let column = 5; column <= header.cellCount; column += 1) {
      const label = cellText(header.getCell(column).value);
      if (/^Q\d /.test(label) || label === 'Tandem formula') break;
      labels.push(label);
    }
    if (periodLabels !== null && labels.join('\t') !== periodLabels.join('\t')) return { ok: false, reason: `Sheet “${sheet.name}” has other months than the first budget sheet.`, stamp };
    periodLabels = labels;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const department = unneutralised(cellText(row.getCell(1).value));
      const code = unneutralised(cellText(row.getCell(2).value));
      if (department === '' || code === '') return;
      const values = labels.map((_label, index) => {
        const value = row.getCell(5 + index).value;
        return value === null || value === undefined || value === '' ? null : cellText(value);
      });
      lines.push({ department, accountCode: code, description: unneutralised(cellText(row.getCell(4).value)), values });
    });
  }
  let hash: string;
  try {
    hash = sha256Hex(canonicalContent(stamp, periodLabels ?? [], lines));
  } catch {
    return { ok: false, reason: 'A month cell holds something that is not a number: the file was changed after it was approved.', stamp };
  }
  if (hash !== stamp.sha256) return { ok: false, reason: 'The content does not match its approval stamp: names or amounts were changed after the export.', stamp };
  const sealed = seal.stamp;
  if (sealed.contentSha256 !== stamp.sha256 || sealed.approvedBy !== stamp.approvedBy || sealed.approvedAt !== stamp.approvedAt || sealed.version !== stamp.version) {
    return { ok: false, reason: 'The cover sheet’s approval differs from the stamp sealed in the file.', stamp };
  }
  return { ok: true, stamp, lines: lines.length };
}
