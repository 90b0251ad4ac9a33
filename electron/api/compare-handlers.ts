import type { compareMethods } from '../../shared/api/compare-api';
import type { HandlersOf } from '../../shared/api/method';
import { VarianceCommentStore } from '../store/variance-comment-store';
import { versionChangesSince } from '../store/version-changes';
import type { HandlerContext } from './handler-context';

const commentsOf = (context: HandlerContext) => new VarianceCommentStore(context.session.requireStore());

export const compareHandlers: HandlersOf<typeof compareMethods, HandlerContext> = {
  'compare/list-comments': ({ baseVersionId, comparisonVersionId }, context) => ({ comments: commentsOf(context).list(baseVersionId, comparisonVersionId) }),
  'compare/add-comment': (input, context) => context.session.announced(commentsOf(context).add(input, context.session.settings.userName)),
  'compare/delete-comment': ({ commentId }, context) => context.session.announced(commentsOf(context).delete(commentId, context.session.settings.userName)),
  'compare/changed-versions': ({ versions }, context) => versionChangesSince(context.session.requireStore(), versions),
};
