import type { HandlersOf } from '../../shared/api/method';
import type { approvalMethods } from '../../shared/api/approval-api';
import { approvalRules, setApprovalRules } from '../store/approval-rules';
import type { HandlerContext } from './handler-context';

export const approvalHandlers: HandlersOf<typeof approvalMethods, HandlerContext> = {
  'version/set-status': ({ versionId, action, reason }, context) =>
    context.session.announced(context.session.requireStore().setVersionStatus(versionId, action, reason, context.session.settings.userName)),
  'audit/list': (filter, context) => context.session.requireStore().audit(filter),
  'app/get-user': (_input, { session }) => ({ userName: session.settings.userNameOrNull, isSet: session.settings.userNameIsSet, suggestion: session.settings.suggestedUserName }),
  'app/set-user-name': ({ userName }, { session }) => ({ userName: session.settings.setUserName(userName) }),
  'approval/get-rules': (_input, { session }) => approvalRules(session.requireStore()),
  'approval/set-rules': (rules, { session }) => session.announced(setApprovalRules(session.requireStore(), rules, session.settings.userName)),
};
