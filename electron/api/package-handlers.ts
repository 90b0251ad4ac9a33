import type { HandlersOf } from '../../shared/api/method';
import type { packageMethods } from '../../shared/api/package-api';
import type { HandlerContext } from './handler-context';

export const packageHandlers: HandlersOf<typeof packageMethods, HandlerContext> = {
  'package/cut': ({ departmentId, fileName }, context) =>
    context.session.packages.cut(context.session.requireStore(), departmentId, context.session.resolveExportPath(fileName, '.tandem'), context.session.settings.userName),
  'package/inspect': ({ source }, context) => context.session.packages.inspect(context.session.requireStore(), 'path' in source ? { path: context.session.resolveExportPath(source.path, null) } : source),
  'package/merge': ({ token, choices }, context) => context.session.announced(context.session.packages.merge(context.session.requireStore(), token, choices, context.session.settings.userName)),
};
