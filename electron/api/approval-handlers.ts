import type { HandlersOf } from '../../shared/api/method';
import type { approvalMethods } from '../../shared/api/approval-api';
import type { HandlerContext } from './handler-context';

export const approvalHandlers: HandlersOf<typeof approvalMethods, HandlerContext> = {
  'version/set-status': ({ versionId, action, reason }, context) =>
    context.session.announced(context.session.requireStore().setVersionStatus(versionId, action, reason, context.session.settings.userName)),
  'audit/list': (filter, context) => context.session.requireStore().audit(filter),
  'app/get-user': (_input, context) => ({ userName: context.session.settings.userName, isSet: context.session.settings.userNameIsSet }),
  'app/set-user-name': ({ userName }, context) => {
    context.session.settings.update((data) => ({ ...data, userName }));
    return { userName };
  },
};
