import type { HandlersOf } from '../../shared/api/method';
import type { versionMethods } from '../../shared/api/version-api';
import { VersionStore } from '../store/version-store';
import type { HandlerContext } from './handler-context';

const versionsOf = (context: HandlerContext) => new VersionStore(context.session.requireStore());
const actor = (context: HandlerContext) => context.session.settings.userName;

export const versionHandlers: HandlersOf<typeof versionMethods, HandlerContext> = {
  'version/list': (_input, context) => {
    const store = context.session.requireStore();
    return { versions: store.versions(), actualsThrough: store.actualsThrough() };
  },
  'version/create': (input, context) => context.session.announced(versionsOf(context).create(input, actor(context))),
  'version/rename': ({ versionId, name }, context) => context.session.announced(versionsOf(context).rename(versionId, name, actor(context))),
  'version/delete': ({ versionId }, context) => context.session.announced(versionsOf(context).delete(versionId, actor(context))),
  'version/roll-forward': ({ versionId }, context) => context.session.announced(versionsOf(context).rollForward(versionId, actor(context))),
  'version/adjust': ({ versionId, scope, periods, adjustment }, context) => context.session.announced(versionsOf(context).adjust(versionId, scope, periods, adjustment, actor(context))),
  'version/copy-values': ({ fromVersionId, toVersionId, scope, periods }, context) =>
    context.session.announced(versionsOf(context).copyValues(fromVersionId, toVersionId, scope, periods, actor(context))),
  'version/contents': ({ versionId }, context) => versionsOf(context).contents(versionId),
  'version/set-actuals-through': ({ period }, context) => context.session.announced(versionsOf(context).setActualsThrough(period, actor(context))),
};
