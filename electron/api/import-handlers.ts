import type { HandlersOf } from '../../shared/api/method';
import type { importMethods } from '../../shared/api/import-api';
import type { HandlerContext } from './handler-context';

export const importHandlers: HandlersOf<typeof importMethods, HandlerContext> = {
  'import/inspect': ({ source, target }, context) =>
    context.session.exports.run((job) => context.session.imports.inspect(context.session.requireStore(), 'path' in source ? { path: context.session.resolveExportPath(source.path, null) } : source, target, job)),
  'import/preview': ({ token, mapping, target }, context) => context.session.imports.preview(context.session.requireStore(), token, mapping, target),
  async 'import/commit'({ token, mapping, target }, context) {
    const receipt = await context.session.exports.run((job) => context.session.imports.commit(context.session.requireStore(), token, mapping, target, context.session.settings.userName, job));
    return context.session.announced(receipt);
  },
};
