import type { dimensionMethods } from '../../shared/api/dimension-api';
import type { HandlersOf } from '../../shared/api/method';
import type { HandlerContext } from './handler-context';
import { DimensionStore } from '../store/dimension-store';
import { withPatch } from './with-patch';

const dimensionsOf = (session: HandlerContext['session']) => new DimensionStore(session.requireStore());

export const dimensionHandlers: HandlersOf<typeof dimensionMethods, HandlerContext> = {
  'dimension/add-department': ({ name, parentId, versionId }, { session }) => withPatch(session, versionId, () => dimensionsOf(session).addDepartment(name, parentId, session.settings.userName)),
  'dimension/rename-department': ({ departmentId, name, versionId }, { session }) =>
    withPatch(session, versionId, () => dimensionsOf(session).renameDimension('departments', departmentId, name, session.settings.userName)),
  'dimension/set-department-parent': ({ departmentId, parentId, versionId }, { session }) =>
    withPatch(session, versionId, () => dimensionsOf(session).setParent('departments', departmentId, parentId, session.settings.userName)),
  'dimension/delete-department': ({ departmentId, withLines, versionId }, { session }) =>
    withPatch(session, versionId, (store) => store.deleteDepartment(departmentId, session.settings.userName, withLines)),
  'dimension/add-account': ({ versionId, ...input }, { session }) => withPatch(session, versionId, () => dimensionsOf(session).addAccount(input, session.settings.userName)),
  'dimension/rename-account': ({ accountId, name, versionId }, { session }) =>
    withPatch(session, versionId, () => dimensionsOf(session).renameDimension('accounts', accountId, name, session.settings.userName)),
  'dimension/set-account-parent': ({ accountId, parentId, versionId }, { session }) =>
    withPatch(session, versionId, () => dimensionsOf(session).setParent('accounts', accountId, parentId, session.settings.userName)),
  'dimension/delete-account': ({ accountId, versionId }, { session }) => withPatch(session, versionId, () => dimensionsOf(session).deleteAccount(accountId, session.settings.userName)),
  'dimension/add-profile': ({ name, weights }, { session }) => session.announced(dimensionsOf(session).addProfile(name, weights, session.settings.userName)),
  'dimension/delete-profile': ({ profileId }, { session }) => session.announced(dimensionsOf(session).deleteProfile(profileId, session.settings.userName)),
};
