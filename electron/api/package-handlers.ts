import type { HandlersOf } from '../../shared/api/method';
import type { packageMethods } from '../../shared/api/package-api';
import type { HandlerContext } from './handler-context';

export const packageHandlers: HandlersOf<typeof packageMethods, HandlerContext> = {
  'package/cut': ({ versionId, departmentId, fileName }, context) =>
    context.session.packages.cut(context.session.requireStore(), versionId, departmentId, context.session.resolveExportPath(fileName, '.tandem'), context.session.settings.userName),
  'package/inspect': ({ versionId, source }, context) => context.session.packages.inspect(context.session.requireStore(), versionId, 'path' in source ? { path: context.session.resolveExportPath(source.path, null) } : source),
  'package/merge': ({ versionId, token, choices }, context) => context.session.announced(context.session.packages.merge(context.session.requireStore(), versionId, token, choices, context.session.settings.userName)),
};
