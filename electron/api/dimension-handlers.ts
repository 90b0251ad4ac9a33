import type { dimensionMethods } from '../../shared/api/dimension-api';
import type { HandlersOf } from '../../shared/api/method';
import type { HandlerContext } from './handler-context';

export const dimensionHandlers: HandlersOf<typeof dimensionMethods, HandlerContext> = {
  'dimension/add-department': ({ name }, { session }) => session.announced(session.requireStore().addDepartment(name, session.settings.userName)),
  'dimension/rename-department': ({ departmentId, name }, { session }) =>
    session.announced(session.requireStore().renameDimension('departments', departmentId, name, session.settings.userName)),
  'dimension/delete-department': ({ departmentId }, { session }) => session.announced(session.requireStore().deleteDepartment(departmentId, session.settings.userName)),
  'dimension/rename-account': ({ accountId, name }, { session }) =>
    session.announced(session.requireStore().renameDimension('accounts', accountId, name, session.settings.userName)),
};
