import { describe, expect, it } from 'vitest';
import { interpretOutcome } from '../../../../shared/portfolio/optimize-result';
import { buildPortfolioModel } from '../../../../shared/portfolio/portfolio-model';
import { npvInput, twoYearProposal } from '../../../helpers/portfolio-input';

// P3 needs both P1 and P2; each is worth having on its own.
const proposals = [twoYearProposal(1, 100, 300, { title: 'ERP upgrade' }), twoYearProposal(2, 400, 900, { title: 'Data warehouse' }), twoYearProposal(3, 50, 500, { title: 'Shop-floor tablets', prerequisites: [1, 2] })];
const input = npvInput(proposals, '300');

function answer(values: number[]) {
  const build = buildPortfolioModel(input);
  if (!build.ok) throw new Error(build.conflicts.join(' '));
  return interpretOutcome(input, build.model, { status: 'optimal', values, bound: null, seconds: 0 });
}

describe('reading the solver’s answer with several prerequisites', () => {
  it('refuses an answer that takes a proposal without its second prerequisite, naming it', () => {
    const outcome = answer([1, 0, 1]);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toContain('breaks prerequisite “Data warehouse” of “Shop-floor tablets”');
  });

  it('explains a proposal left out by naming every prerequisite and the one that is out', () => {
    const outcome = answer([1, 0, 0]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.reasons[3]).toBe('Out: it needs “ERP upgrade” and “Data warehouse”; “Data warehouse” is out.');
  });

  it('says both are out when neither is in', () => {
    const outcome = answer([0, 0, 0]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.reasons[3]).toBe('Out: it needs “ERP upgrade” and “Data warehouse”; “ERP upgrade” and “Data warehouse” are out.');
  });
});
