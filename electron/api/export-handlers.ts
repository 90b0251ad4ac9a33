import type { HandlersOf } from '../../shared/api/method';
import type { exportMethods, VerifyAnswer } from '../../shared/api/export-api';
import { writeFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';
import { verifyFile, verifyGivenFiles, type VerifyResult } from '../export/verify-file';
import { writeFileSafely } from '../export/safe-write';
import type { HandlerContext } from './handler-context';

/** What the API answers of a verification: the stamp when the file is the approved one, else the reason. */
function verifyAnswer(result: VerifyResult): VerifyAnswer {
  if (!result.ok) return { ok: false, reason: result.reason };
  return { ok: true, ...result.stamp, lines: result.lines };
}

export const exportHandlers: HandlersOf<typeof exportMethods, HandlerContext> = {
  'export/xlsx': ({ versionId, fileName, split, includeProposals, includeAudit, includeKpis, compareWith }, context) =>
    context.session.exports.xlsx(context.session.requireStore(), context.session.resolveExportPath(fileName, '.xlsx'), { versionId, split, includeProposals, includeAudit, includeKpis, compareWith }, context.session.settings.userName),
  'export/csv': ({ fileName, ...options }, context) => context.session.exports.csv(context.session.requireStore(), context.session.resolveExportPath(fileName, '.csv'), options),
  async 'export/pdf'({ fileName }, context) {
    const printer = context.session.pdfPrinter;
    if (printer === null) throw new ApiError('invalid-input', 'Saving a PDF directly needs the desktop app. In the browser, use “Print or save as PDF…” and choose Save as PDF.');
    const destination = context.session.resolveExportPath(fileName, '.pdf');
    const pdf = await printer();
    await writeFileSafely(destination, async (temporary) => writeFileSync(temporary, pdf));
    return { path: destination, bytes: pdf.length, sha256: null };
  },
  'export/cancel': (_input, context) => ({ cancelled: context.session.exports.cancel() }),
  async 'export/verify'({ path }, context) {
    return verifyAnswer(await verifyFile(context.session.resolveExportPath(path, null)));
  },
  async 'export/verify-upload'({ files }) {
    return verifyAnswer(await verifyGivenFiles(files.map((file) => ({ name: file.name, bytes: Buffer.from(file.base64, 'base64') }))));
  },
  'export/get-folder': (_input, context) => ({ folder: context.session.exportsFolder }),
};
