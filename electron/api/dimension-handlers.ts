import type { dimensionMethods } from '../../shared/api/dimension-api';
import type { HandlersOf } from '../../shared/api/method';
import type { HandlerContext } from './handler-context';

export const dimensionHandlers: HandlersOf<typeof dimensionMethods, HandlerContext> = {
  'dimension/add-department': ({ name, parentId }, { session }) => session.announced(session.requireStore().addDepartment(name, parentId, session.settings.userName)),
  'dimension/rename-department': ({ departmentId, name }, { session }) =>
    session.announced(session.requireStore().renameDimension('departments', departmentId, name, session.settings.userName)),
  'dimension/set-department-parent': ({ departmentId, parentId }, { session }) =>
    session.announced(session.requireStore().setParent('departments', departmentId, parentId, session.settings.userName)),
  'dimension/delete-department': ({ departmentId, withLines }, { session }) =>
    session.announced(session.requireStore().deleteDepartment(departmentId, session.settings.userName, withLines)),
  'dimension/add-account': (input, { session }) => session.announced(session.requireStore().addAccount(input, session.settings.userName)),
  'dimension/rename-account': ({ accountId, name }, { session }) =>
    session.announced(session.requireStore().renameDimension('accounts', accountId, name, session.settings.userName)),
  'dimension/set-account-parent': ({ accountId, parentId }, { session }) =>
    session.announced(session.requireStore().setParent('accounts', accountId, parentId, session.settings.userName)),
  'dimension/delete-account': ({ accountId }, { session }) => session.announced(session.requireStore().deleteAccount(accountId, session.settings.userName)),
  'dimension/add-profile': ({ name, weights }, { session }) => session.announced(session.requireStore().addProfile(name, weights, session.settings.userName)),
  'dimension/delete-profile': ({ profileId }, { session }) => session.announced(session.requireStore().deleteProfile(profileId, session.settings.userName)),
};
