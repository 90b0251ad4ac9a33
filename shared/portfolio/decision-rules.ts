import type { ProposalStatus } from '../domain/proposal';

/** What a decision needs to know of its proposal. */
export interface DecidedProposal {
  title: string;
  status: ProposalStatus;
  mandatory: boolean;
}

const STATUS_WORDS: Record<ProposalStatus, string> = { funded: 'funded', deferred: 'deferred', rejected: 'rejected', proposed: 'open' };

/**
 * Why a decision cannot be taken on a proposal, or null when it can. One rule for both sides:
 * the renderer refuses before asking for a reason, the back refuses the call. A decision that
 * leaves the status as it is would log a second decision that changes nothing (a second F on a
 * funded proposal); a mandatory proposal is always funded, so it is never deferred or rejected.
 */
export function decisionRefusal(proposal: DecidedProposal, decision: ProposalStatus): string | null {
  if (proposal.status === decision) {
    return `Already ${STATUS_WORDS[decision]}: a second decision on “${proposal.title}” would record nothing new.`;
  }
  if (proposal.mandatory && (decision === 'deferred' || decision === 'rejected')) {
    return `Mandatory, so always funded: “${proposal.title}” cannot be ${decision}. Clear “mandatory” first if that has changed.`;
  }
  return null;
}
