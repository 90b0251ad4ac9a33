import type { HandlersOf } from '../../shared/api/method';
import type { kpiMethods } from '../../shared/api/kpi-api';
import { GoalStore } from '../store/goal-store';
import { KpiStore } from '../store/kpi-store';
import type { HandlerContext } from './handler-context';

const kpisOf = (context: HandlerContext) => new KpiStore(context.session.requireStore());
const goalsOf = (context: HandlerContext) => new GoalStore(context.session.requireStore());
const actor = (context: HandlerContext) => context.session.settings.userName;

export const kpiHandlers: HandlersOf<typeof kpiMethods, HandlerContext> = {
  'kpi/list': (_input, context) => kpisOf(context).book(),
  'kpi/create': (fields, context) => context.session.announced(kpisOf(context).create(fields, actor(context))),
  'kpi/update': ({ kpiId, ...fields }, context) => context.session.announced(kpisOf(context).update(kpiId, fields, actor(context))),
  'kpi/delete': ({ kpiId }, context) => context.session.announced(kpisOf(context).delete(kpiId, actor(context))),
  'kpi/enter-value': ({ kpiId, period, value }, context) => context.session.announced(kpisOf(context).enterValue(kpiId, period, value, actor(context))),
  'goal/create': (input, context) => context.session.announced(goalsOf(context).create(input, actor(context))),
  'goal/update': ({ goalId, name, description }, context) => context.session.announced(goalsOf(context).update(goalId, { name, description }, actor(context))),
  'goal/usage': ({ goalId }, context) => goalsOf(context).usage(goalId),
  'goal/delete': ({ goalId, clearUses }, context) => context.session.announced(goalsOf(context).delete(goalId, clearUses, actor(context))),
  'goal/tag-lines': ({ goalId, lineIds }, context) => context.session.announced(goalsOf(context).tagLines(goalId, lineIds, actor(context))),
};
