import { describe, expect, it } from 'vitest';
import { buildPortfolioModel, type PortfolioModel } from '../../../../shared/portfolio/portfolio-model';
import { npvInput, twoYearProposal } from '../../../helpers/portfolio-input';

function modelOf(build: ReturnType<typeof buildPortfolioModel>): PortfolioModel {
  if (!build.ok) throw new Error(build.conflicts.join(' '));
  return build.model;
}

describe('prerequisites in the 0/1 program', () => {
  it('writes one row per (proposal, prerequisite) pair: in means every prerequisite in', () => {
    const model = modelOf(
      buildPortfolioModel(npvInput([twoYearProposal(1, 100, 300), twoYearProposal(2, 100, 300), twoYearProposal(3, 50, 500, { prerequisites: [1, 2] }), twoYearProposal(4, 10, 50, { prerequisites: [3] })], '1000')),
    );
    const rows = model.lp.split('\n').filter((row) => row.trim().startsWith('needs_'));
    // Columns x0..x3 are proposals 1..4.
    expect(rows.map((row) => row.trim())).toEqual(['needs_x2_x0: x2 - x0 <= 0', 'needs_x2_x1: x2 - x1 <= 0', 'needs_x3_x2: x3 - x2 <= 0']);
  });

  it('names each prerequisite decided out that a proposal decided in needs, before solving', () => {
    const build = buildPortfolioModel(
      npvInput([twoYearProposal(1, 100, 300), twoYearProposal(2, 100, 300, { status: 'rejected' }), twoYearProposal(3, 50, 500, { prerequisites: [1, 2], mandatory: true })], '1000'),
    );
    expect(build.ok ? [] : build.conflicts).toEqual(['“P3” (mandatory) needs “P2”, which is rejected.']);
  });
});
