import { describe, expect, it } from 'vitest';
import type { Criterion, Proposal } from '../../../../shared/domain/proposal';
import { proposalMetrics } from '../../../../shared/portfolio/proposal-metrics';
import { rankPortfolio } from '../../../../shared/portfolio/ranking';
import { weightedScores } from '../../../../shared/portfolio/scoring';
import { proposalFixture } from '../../../helpers/proposal';

const SETTINGS = { discountRate: '0.08', financeRate: '0.06', reinvestRate: '0.1' };
const criteria: Criterion[] = [
  { id: 1, name: 'Strategy', weight: '3' },
  { id: 2, name: 'Risk', weight: '1' },
];

function proposal(id: number, capital: string, scores: [string, string], extra: Partial<Proposal> = {}): Proposal {
  return proposalFixture(id, { capex: [capital, '0'] }, { scores: { 1: scores[0], 2: scores[1] }, ...extra });
}

function rank(proposals: Proposal[], caps: (string | null)[]) {
  const metrics = new Map(proposals.map((entry) => [entry.id, proposalMetrics(entry, SETTINGS)]));
  const scoring = weightedScores(proposals, criteria);
  if (!scoring.ok) throw new Error(scoring.message);
  return rankPortfolio(proposals, metrics, scoring, 'score', { capitalCaps: caps });
}

describe('ranking and the funding line', () => {
  it('ranks by weighted score, exact, ties in the given order', () => {
    const ranked = rank([proposal(1, '10', ['5', '5']), proposal(2, '10', ['6', '0']), proposal(3, '10', ['4', '8']), proposal(4, '10', ['5', '5'])], [null]);
    expect(ranked.map((entry) => entry.proposal.id)).toEqual([1, 3, 4, 2]);
    // (3 x 4 + 1 x 8) / 4 = 5; (3 x 6) / 4 = 4.5.
    expect(ranked.map((entry) => entry.score?.toString())).toEqual(['5', '5', '5', '4.5']);
  });

  it('commits mandatory proposals first, then draws the line at the first that does not fit', () => {
    const ranked = rank(
      [
        proposal(1, '600', ['9', '9']),
        proposal(2, '100', ['8', '8']),
        proposal(3, '50', ['7', '7']),
        proposal(4, '200', ['1', '1'], { mandatory: true }),
        proposal(5, '10', ['6', '6'], { exclusiveGroup: 'A' }),
        proposal(6, '10', ['9.5', '0'], { exclusiveGroup: 'A' }),
        proposal(7, '500', ['5.5', '5.5']),
        proposal(8, '1', ['5', '5']),
      ],
      ['1000.00'],
    );
    const place = Object.fromEntries(ranked.map((entry) => [entry.proposal.id, entry.place]));
    // Scores: P1 9, P2 8, P6 7.125, P3 7, P5 6, P7 5.5, P8 5, P4 1. The mandatory P4 takes 200 first; P1, P2, P6
    // and P3 fit (960); P5 is out, its alternative P6 being in; P7 (500) does not fit: the line runs through it;
    // P8 is below it even though it would fit (the optimizer, not the line, packs what is left).
    expect(place).toEqual({ 4: 'committed', 1: 'above', 2: 'above', 6: 'above', 3: 'above', 5: 'out', 7: 'crossing', 8: 'below' });
    expect(ranked.find((entry) => entry.proposal.id === 5)?.note).toBe('Its alternative “P6” is in (group A).');
    expect(ranked.find((entry) => entry.proposal.id === 7)?.note).toContain('year 1');
  });

  it('leaves out a proposal whose prerequisites are not all funded above it, naming every one and the missing', () => {
    const ranked = rank([proposal(1, '100', ['9', '9']), proposal(2, '100', ['8', '8'], { forced: 'out' }), proposal(3, '10', ['7', '7'], { prerequisites: [1, 2] })], ['1000.00']);
    const three = ranked.find((entry) => entry.proposal.id === 3);
    expect(three?.place).toBe('out');
    expect(three?.note).toBe('Needs “P1” and “P2”; “P2” is not funded above it.');
  });

  it('refuses to rank by score when the weights add up to zero', () => {
    const result = weightedScores([proposal(1, '1', ['1', '1'])], [{ id: 1, name: 'Strategy', weight: '0' }]);
    expect(result.ok ? '' : result.message).toContain('add up to zero');
  });
});
