import { z } from 'zod';
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

/** A file name in the exports folder, or an absolute path. */
const fileName = z.string().trim().min(1, 'Give the file a name.').max(4096);

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
  /** Where exports go unless a full path is given. */
  'export/get-folder': method<{ folder: string }>()(z.object({}).strict()),
};
