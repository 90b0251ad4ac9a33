import type { HandlersOf } from '../../shared/api/method';
import type { exportMethods } from '../../shared/api/export-api';
import { verifyFile } from '../export/verify-file';
import type { HandlerContext } from './handler-context';

export const exportHandlers: HandlersOf<typeof exportMethods, HandlerContext> = {
  'export/xlsx': ({ fileName, split, includeProposals, includeAudit }, context) =>
    context.session.exports.xlsx(context.session.requireStore(), context.session.resolveExportPath(fileName, '.xlsx'), { split, includeProposals, includeAudit }, context.session.settings.userName),
  'export/csv': ({ fileName, ...options }, context) => context.session.exports.csv(context.session.requireStore(), context.session.resolveExportPath(fileName, '.csv'), options),
  'export/cancel': (_input, context) => ({ cancelled: context.session.exports.cancel() }),
  async 'export/verify'({ path }, context) {
    const result = await verifyFile(context.session.resolveExportPath(path, null));
    if (!result.ok) return { ok: false, reason: result.reason };
    return { ok: true, ...result.stamp, lines: result.lines };
  },
  'export/get-folder': (_input, context) => ({ folder: context.session.exportsFolder }),
};
