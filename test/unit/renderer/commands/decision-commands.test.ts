// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { commandContext, commandState, runCommand } from '../../../../renderer/commands/command-handlers';
import { usePortfolioStore } from '../../../../renderer/state/portfolio-store';
import { useProposalsUiStore } from '../../../../renderer/state/proposals-ui-store';
import { useShellStore } from '../../../../renderer/state/shell-store';
import { useWorkbookStore } from '../../../../renderer/state/workbook-store';
import type { Portfolio } from '../../../../shared/domain/proposal';
import { proposalFixture } from '../../../helpers/proposal';

const erp = proposalFixture(1, { capex: ['100'] }, { title: 'ERP upgrade', status: 'funded' });
const safety = proposalFixture(2, { capex: ['50'] }, { title: 'Plant safety retrofit', mandatory: true });

/** The proposals on screen with one of them selected, as the ranking leaves them after a click. */
function showProposals(selectedId: number | null): void {
  useWorkbookStore.setState({ session: { current: { path: '/tmp/x.tandem' } } } as unknown as Parameters<typeof useWorkbookStore.setState>[0]);
  useShellStore.setState({ page: 'proposals' });
  const portfolio = { proposals: [erp, safety], criteria: [], decisions: [], snapshots: [] } as unknown as Portfolio;
  usePortfolioStore.setState({ portfolio, selectedId });
  useProposalsUiStore.setState({ deciding: null });
}

describe('the one-key decisions are commands, disabled with their reason', () => {
  beforeEach(() => showProposals(null));

  it('F on a funded proposal is disabled: a second fund would log a decision that changes nothing', () => {
    showProposals(erp.id);
    expect(commandState('proposals.fund', commandContext())).toEqual({ enabled: false, reason: 'Already funded: a second decision on “ERP upgrade” would record nothing new.' });
    expect(runCommand('proposals.fund')).toBe('Already funded: a second decision on “ERP upgrade” would record nothing new.');
    // Refused before the reason is asked for: no dialog opens.
    expect(useProposalsUiStore.getState().deciding).toBeNull();
    expect(commandState('proposals.reopen', commandContext())).toEqual({ enabled: true });
  });

  it('D and R on a mandatory proposal are disabled with the rule; F asks for the reason', () => {
    showProposals(safety.id);
    expect(commandState('proposals.defer', commandContext()).reason).toBe('Mandatory, so always funded: “Plant safety retrofit” cannot be deferred. Clear “mandatory” first if that has changed.');
    expect(runCommand('proposals.defer')).not.toBeNull();
    expect(useProposalsUiStore.getState().deciding).toBeNull();
    expect(commandState('proposals.reject', commandContext()).enabled).toBe(false);
    expect(runCommand('proposals.fund')).toBeNull();
    expect(useProposalsUiStore.getState().deciding).toEqual({ proposalId: safety.id, decision: 'funded' });
  });

  it('with no proposal selected, or away from the proposals, says what to do', () => {
    expect(commandState('proposals.fund', commandContext()).reason).toBe('Select a proposal first');
    useShellStore.setState({ page: 'budget' });
    expect(commandState('proposals.fund', commandContext()).reason).toBe('Only in the proposals (View › Proposals)');
  });
});
