import type { HandlersOf } from '../../shared/api/method';
import type { proposalMethods } from '../../shared/api/proposal-api';
import { ProposalStore } from '../store/proposal-store';
import { ApiError } from '../../shared/api/errors';
import { Decimal } from '../../shared/money/decimal';
import { frontier, optimizePortfolio, portfolioInput } from '../optimizer/portfolio-optimizer';
import type { HandlerContext } from './handler-context';

const proposalsOf = (context: HandlerContext) => new ProposalStore(context.session.requireStore());

export const proposalHandlers: HandlersOf<typeof proposalMethods, HandlerContext> = {
  'proposal/get-portfolio': (_input, context) => proposalsOf(context).portfolio(),
  'proposal/add': (fields, context) => context.session.announced(proposalsOf(context).add(fields, context.session.settings.userName)),
  'proposal/update': ({ proposalId, fields }, context) => context.session.announced(proposalsOf(context).update(proposalId, fields, context.session.settings.userName)),
  'proposal/delete': ({ proposalId }, context) => context.session.announced(proposalsOf(context).delete(proposalId, context.session.settings.userName)),
  'proposal/set-flows': ({ proposalId, flows }, context) => context.session.announced(proposalsOf(context).setFlows(proposalId, flows, context.session.settings.userName)),
  'proposal/set-score': ({ proposalId, criterionId, score }, context) =>
    context.session.announced(proposalsOf(context).setScore(proposalId, criterionId, score, context.session.settings.userName)),
  'proposal/edit-many': ({ edits, label }, context) => context.session.announced(proposalsOf(context).editMany(edits, label, context.session.settings.userName)),
  'proposal/add-criterion': ({ name, weight }, context) => context.session.announced(proposalsOf(context).addCriterion(name, weight, context.session.settings.userName)),
  'proposal/set-weights': ({ weights }, context) => context.session.announced(proposalsOf(context).setWeights(weights, context.session.settings.userName)),
  'proposal/set-settings': (patch, context) => context.session.announced(proposalsOf(context).setSettings(patch, context.session.settings.userName)),
  async 'proposal/optimize'({ objective, timeLimitSeconds, relativeGap, forceIn }, context) {
    const proposals = proposalsOf(context);
    const prepared = portfolioInput(proposals.portfolio(), objective);
    if (!prepared.ok) return { ok: false, message: prepared.message, conflicts: [] };
    const named = { ...prepared.input, departmentNames: proposals.departmentNames() };
    const input = forceIn === undefined ? named : { ...named, alsoForcedIn: [forceIn] };
    return optimizePortfolio(context.session.optimizer, input, { timeLimitSeconds, relativeGap }, (progress) =>
      context.session.emit({ name: 'proposal/optimize-progress', payload: progress }),
    );
  },
  'proposal/cancel-optimize': (_input, context) => ({ cancelled: context.session.optimizer.cancel() }),
  async 'proposal/frontier'({ objective, points, fromScale, toScale }, context) {
    const prepared = portfolioInput(proposalsOf(context).portfolio(), objective);
    if (!prepared.ok) throw new ApiError('invalid-input', prepared.message);
    const step = new Decimal(toScale).minus(fromScale).div(points - 1);
    const scales = Array.from({ length: points }, (_unused, index) => new Decimal(fromScale).plus(step.times(index)).toDecimalPlaces(4));
    return { points: await frontier(context.session.optimizer, prepared.input, scales) };
  },
  'proposal/reorder': ({ proposalIds }, context) => context.session.announced(proposalsOf(context).reorder(proposalIds, context.session.settings.userName)),
  'proposal/save-snapshot': ({ name, rankKey }, context) => context.session.announced(proposalsOf(context).saveSnapshot(name, rankKey, context.session.settings.userName)),
  'proposal/decide-many': ({ proposalIds, decision, reason, funding }, context) =>
    context.session.announced(proposalsOf(context).decideMany(proposalIds, decision, reason, context.session.settings.userName, funding)),
  'proposal/decide': ({ proposalId, decision, reason, funding }, context) =>
    context.session.announced(proposalsOf(context).decide(proposalId, decision, reason, context.session.settings.userName, funding)),
  'proposal/funding-options': ({ proposalId }, context) => proposalsOf(context).fundingOptions(proposalId),
};
