import { describe, expect, it } from 'vitest';
import { greedyStart } from '../../../../shared/portfolio/greedy-start';
import { buildPortfolioModel } from '../../../../shared/portfolio/portfolio-model';
import { npvInput, twoYearProposal } from '../../../helpers/portfolio-input';

describe('the greedy start with several prerequisites', () => {
  it('takes a proposal only once every one of its prerequisites is in', () => {
    // P3 is the best value per unit of capital, but needs P1 and P2; P2 does not fit beside P1 and P3.
    const cramped = npvInput([twoYearProposal(1, 100, 300), twoYearProposal(2, 400, 700), twoYearProposal(3, 50, 500, { prerequisites: [1, 2] })], '300');
    const build = buildPortfolioModel(cramped);
    if (!build.ok) throw new Error(build.conflicts.join(' '));
    expect(greedyStart(cramped, build.model)).toEqual([1, 0, 0]);
    // With room for all three, the prerequisites come in first and P3 follows them.
    const roomy = { ...cramped, settings: { ...cramped.settings, capitalCaps: ['1000', null] } };
    const roomyBuild = buildPortfolioModel(roomy);
    if (!roomyBuild.ok) throw new Error(roomyBuild.conflicts.join(' '));
    expect(greedyStart(roomy, roomyBuild.model)).toEqual([1, 1, 1]);
  });
});
