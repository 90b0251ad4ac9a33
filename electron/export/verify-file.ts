import { loadExcelJs } from './load-exceljs';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { canonicalContent, type ApprovalStamp, type StampedLine } from '../../shared/export/approval-stamp';
import { parseCsv } from '../../shared/export/csv';
import type { CsvStampFile } from './export-service';
import { sha256Hex } from './approval-stamp';
import { COVER_LABELS } from './xlsx-export';
import { excelCellText } from './excel-cell-text';
import { checkZipSeal } from './zip-stamp';

/** What `npm run verify` and the Verify command say of a file. */
export type VerifyResult =
  | { ok: true; stamp: ApprovalStamp; lines: number }
  | { ok: false; reason: string; stamp: ApprovalStamp | null };


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
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') {
    const stampPath = `${path}.approval.json`;
    if (!existsSync(stampPath)) return { ok: false, reason: `There is no approval stamp beside the file (${stampPath}): only exports of an approved version have one.`, stamp: null };
    return verifyCsv(readFileSync(path), readFileSync(stampPath, 'utf8'), stampPath);
  }
  if (extension !== '.xlsx') return { ok: false, reason: 'Tandem stamps its XLSX and CSV exports; this is neither.', stamp: null };
  return verifyXlsx(readFileSync(path));
}

/** A file the user handed over (uploaded in the browser): its name and bytes. */
export interface GivenFile {
  name: string;
  bytes: Buffer;
}

/**
 * Checks files the user gave, as `verifyFile` checks a path: an XLSX alone, or a CSV with its
 * `.approval.json` (in either order; a browser may have renamed them, the hashes decide).
 */
export async function verifyGivenFiles(files: readonly GivenFile[]): Promise<VerifyResult> {
  const refuse = (reason: string): VerifyResult => ({ ok: false, reason, stamp: null });
  const kind = (file: GivenFile) => (/\.json$/i.test(file.name) ? 'stamp' : extname(file.name).toLowerCase());
  const unknown = files.find((file) => !['.xlsx', '.csv', 'stamp'].includes(kind(file)));
  if (unknown !== undefined) return refuse(`${unknown.name} is not a Tandem export: Tandem stamps its XLSX and CSV exports (a CSV with its .approval.json).`);
  const xlsx = files.filter((file) => kind(file) === '.xlsx');
  const csv = files.filter((file) => kind(file) === '.csv');
  const stamps = files.filter((file) => kind(file) === 'stamp');
  if (xlsx.length > 0) {
    if (files.length > 1) return refuse(`An XLSX carries its stamp inside: give ${xlsx[0]?.name ?? 'it'} alone.`);
    return verifyXlsx((xlsx[0] as GivenFile).bytes);
  }
  if (csv.length > 1 || stamps.length > 1) return refuse('Give one CSV and its .approval.json, not two of the same kind.');
  const [data] = csv;
  const [stamp] = stamps;
  if (data === undefined) return refuse(`${stamp?.name ?? 'This'} is the approval stamp of a CSV export. Give the CSV too (choose both files).`);
  if (stamp === undefined) {
    return refuse(`A CSV's approval stamp is the file ${data.name}.approval.json, exported and downloaded beside it: give both files. Only exports of an approved version have one.`);
  }
  return verifyCsv(data.bytes, stamp.bytes.toString('utf8'), stamp.name);
}

/** An XLSX's bytes: the seal, then the cover's stamp against the budget sheets read back. */
async function verifyXlsx(bytes: Buffer): Promise<VerifyResult> {
  const seal = checkZipSeal(bytes);
  if (!seal.ok) return { ok: false, reason: seal.reason, stamp: null };
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // ExcelJS types its Buffer as an ArrayBuffer; in Node it takes a Buffer as it is.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return { ok: false, reason: `The file does not open as an XLSX workbook (${error instanceof Error ? error.message : String(error)}): it was changed or damaged.`, stamp: null };
  }
  const cover = workbook.getWorksheet('Cover');
  if (cover === undefined) return { ok: false, reason: 'The file has no Cover sheet: it is not a Tandem export.', stamp: null };
  const fields = new Map<string, string>();
  cover.eachRow((row) => fields.set(excelCellText(row.getCell(1).value), unneutralised(excelCellText(row.getCell(2).value))));
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
    if (['Cover', 'Proposals', 'Audit trail', 'Compare', 'KPIs'].includes(sheet.name)) continue;
    const header = sheet.getRow(1);
    const labels: string[] = [];
    for (let column = 5; column <= header.cellCount; column += 1) {
      const label = excelCellText(header.getCell(column).value);
      if (/^Q\d /.test(label) || label === 'Tandem formula') break;
      labels.push(label);
    }
    if (periodLabels !== null && labels.join('\t') !== periodLabels.join('\t')) return { ok: false, reason: `Sheet “${sheet.name}” has other months than the first budget sheet.`, stamp };
    periodLabels = labels;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const department = unneutralised(excelCellText(row.getCell(1).value));
      const code = unneutralised(excelCellText(row.getCell(2).value));
      if (department === '' || code === '') return;
      const values = labels.map((_label, index) => {
        const value = row.getCell(5 + index).value;
        return value === null || value === undefined || value === '' ? null : excelCellText(value);
      });
      lines.push({ department, accountCode: code, description: unneutralised(excelCellText(row.getCell(4).value)), values });
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

/**
 * Checks a CSV export against its stamp file (`FILE.approval.json`, named `stampName` in what
 * is said): every byte against its hash, then the content read back (long or wide) against the
 * content hash.
 */
function verifyCsv(bytes: Buffer, stampText: string, stampName: string): VerifyResult {
  let saved: CsvStampFile;
  try {
    saved = JSON.parse(stampText) as CsvStampFile;
  } catch {
    return { ok: false, reason: `${stampName} is damaged: it is not the stamp Tandem wrote.`, stamp: null };
  }
  if (typeof saved !== 'object' || saved === null || saved.kind !== 'tandem-csv-approval') return { ok: false, reason: `${stampName} is not a Tandem approval stamp.`, stamp: null };
  const stamp: ApprovalStamp = { workbook: saved.workbook, version: saved.version, approvedBy: saved.approvedBy, approvedAt: saved.approvedAt, sha256: saved.contentSha256 };
  if (createHash('sha256').update(bytes).digest('hex') !== saved.fileSha256) return { ok: false, reason: 'The file’s bytes do not match its approval stamp: it was changed after the export.', stamp };
  const records = parseCsv(bytes.toString('utf8'), saved.delimiter);
  const amount = (text: string | undefined) => (text === undefined || text === '' ? null : saved.decimalSeparator === ',' ? text.replace(',', '.') : text);
  // A line's records follow each other (long) or it is one record (wide): a new line starts
  // when the names change or its months start again, so two lines with the same names stay two.
  const lines: StampedLine[] = [];
  let current: { key: string; values: (string | null)[]; lastPeriod: number } | null = null;
  for (const record of records.slice(1)) {
    const [department = '', code = '', , description = ''] = record.map(unneutralised);
    const key = [department, code, record[2] ?? '', description].join('\u0000');
    const period = saved.layout === 'wide' ? 0 : saved.periodKeys.indexOf(record[4] ?? '');
    if (period < 0) return { ok: false, reason: `A record names a period that is not in the stamp (${record[4] ?? ''}).`, stamp };
    if (current === null || current.key !== key || period <= current.lastPeriod || saved.layout === 'wide') {
      const values = saved.periodKeys.map((): string | null => null);
      lines.push({ department, accountCode: code, description, values });
      current = { key, values, lastPeriod: -1 };
    }
    if (saved.layout === 'wide') saved.periodKeys.forEach((_key, index) => current && (current.values[index] = amount(record[4 + index])));
    else current.values[period] = amount(record[5]);
    current.lastPeriod = period;
  }
  try {
    if (sha256Hex(canonicalContent(stamp, saved.periodLabels, lines)) !== stamp.sha256) return { ok: false, reason: 'The content does not match its approval stamp.', stamp };
  } catch {
    return { ok: false, reason: 'An amount in the file is not a number: it was changed after the export.', stamp };
  }
  return { ok: true, stamp, lines: lines.length };
}
