import { z } from 'zod';
import { filePath } from './fields';
import { method } from './method';

/** What a verification of an exported file found. */
export type VerifyAnswer =
  | { ok: true; workbook: string; version: string; approvedBy: string; approvedAt: string; sha256: string; lines: number }
  | { ok: false; reason: string };

export interface ExportAnswer {
  path: string;
  bytes: number;
  /** the approval stamp's SHA-256 when the version was approved, else null */
  sha256: string | null;
}

/**
 * The most an upload to verify may hold, both files together: their base64 (a third more) and
 * the call around it must fit in one request of the browser host (64 MB).
 */
export const MAX_VERIFY_UPLOAD_BYTES = 44 * 1024 * 1024;
const MAX_VERIFY_UPLOAD_BASE64 = Math.ceil(MAX_VERIFY_UPLOAD_BYTES / 3) * 4;

/** A file the user chose in the browser: its name and its bytes as base64. */
const uploadedFile = z
  .object({
    name: filePath('Give the file’s name.', 260),
    base64: z.string().max(MAX_VERIFY_UPLOAD_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file’s bytes are not base64'),
  })
  .strict();

/** A file name in the exports folder, or an absolute path. */
const fileName = filePath('Give the file a name.');

/** Exports of the budget version, and checking an exported file against its approval. */
export const exportMethods = {
  /** The version as an Excel workbook: cover, budget (one sheet, or one per department) with formula totals, proposals and audit trail when asked. */
  'export/xlsx': method<ExportAnswer>()(
    z
      .object({
        versionId: z.number().int().positive(),
        fileName,
        split: z.enum(['version', 'department']).default('version'),
        includeProposals: z.boolean().default(true),
        includeAudit: z.boolean().default(false),
        /** a KPIs sheet: every KPI per month, quarter, year to date and year, with targets and status */
        includeKpis: z.boolean().default(true),
        /** another version for a sheet that compares the two with live variance formulas */
        compareWith: z.number().int().positive().nullable().default(null),
      })
      .strict(),
  ),
  /** The version as CSV for an ERP: long (a record per line and month) or wide, with a choice of delimiter and decimal separator; UTF-8. */
  'export/csv': method<ExportAnswer>()(
    z
      .object({
        versionId: z.number().int().positive(),
        fileName,
        layout: z.enum(['long', 'wide']).default('long'),
        delimiter: z.enum([',', ';', '\t']).default(','),
        decimalSeparator: z.enum(['.', ',']).default('.'),
        byteOrderMark: z.boolean().default(true),
      })
      .strict()
      .refine((input) => !(input.delimiter === ',' && input.decimalSeparator === ','), { message: 'a comma cannot be both the delimiter and the decimal separator', path: ['decimalSeparator'] }),
  ),
  /** The report the window shows, printed by Chromium (Electron's printToPDF) into a PDF file. In the browser, the page prints itself. */
  'export/pdf': method<ExportAnswer>()(z.object({ fileName }).strict()),
  /** Stops the running export; its file is not written. */
  'export/cancel': method<{ cancelled: boolean }>()(z.object({}).strict()),
  /** Checks an exported file's approval stamp against its content. */
  'export/verify': method<VerifyAnswer>()(z.object({ path: fileName }).strict()),
  /**
   * Checks files the user uploads, as `export/verify` checks a path: an XLSX alone, or a CSV with
   * its `.approval.json` (in either order).
   */
  'export/verify-upload': method<VerifyAnswer>()(
    z
      .object({
        files: z.array(uploadedFile).min(1, 'Choose the file to verify.').max(2, 'Give at most two files: the export and, for a CSV, its .approval.json.'),
      })
      .strict()
      .refine((input) => input.files.reduce((total, file) => total + file.base64.length, 0) <= MAX_VERIFY_UPLOAD_BASE64, {
        message: `The files are larger than ${MAX_VERIFY_UPLOAD_BYTES / 1024 / 1024} MB together, more than can be sent to verify: verify it by its name in the Exports folder instead.`,
        path: ['files'],
      }),
  ),
  /** Where exports go unless a full path is given. */
  'export/get-folder': method<{ folder: string }>()(z.object({}).strict()),
};
