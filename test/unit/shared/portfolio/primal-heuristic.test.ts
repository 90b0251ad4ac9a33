import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../../shared/domain/proposal';
import { Decimal } from '../../../../shared/money/decimal';
import { buildPortfolioModel, type PortfolioInput, type PortfolioModel } from '../../../../shared/portfolio/portfolio-model';
import { improvedStart } from '../../../../shared/portfolio/primal-heuristic';
import { proposalMetrics } from '../../../../shared/portfolio/proposal-metrics';
import { proposalFixture } from '../../../helpers/proposal';

const YEARS = 3;
const SETTINGS = { discountRate: '0', financeRate: '0.06', reinvestRate: '0.1' };

/** Every constraint of the model, checked in exact decimals on a 0/1 answer. */
function brokenConstraints(input: PortfolioInput, model: PortfolioModel, values: readonly number[]): string[] {
  const chosen = new Set(model.columns.filter((_id, column) => values[column] === 1));
  const broken: string[] = [];
  model.capitalCaps.forEach((cap, year) => {
    const used = [...chosen].reduce((sum, id) => sum.plus(input.metricsById.get(id)?.capital[year] ?? 0), new Decimal(0));
    if (cap !== null && used.gt(cap)) broken.push(`cap of year ${year + 1}`);
  });
  for (const proposal of input.proposals) {
    if (chosen.has(proposal.id) && proposal.prerequisites.some((needed) => !chosen.has(needed))) broken.push(`prerequisite of ${proposal.id}`);
    if (proposal.mandatory && !chosen.has(proposal.id)) broken.push(`mandatory ${proposal.id}`);
  }
  const groups = input.proposals.filter((proposal) => chosen.has(proposal.id) && proposal.exclusiveGroup !== null).map((proposal) => proposal.exclusiveGroup);
  if (new Set(groups).size !== groups.length) broken.push('alternatives');
  return broken;
}

interface Entry {
  capex: number[];
  share: number;
  needsEarlier: boolean;
  group: string | null;
  cents: number;
}

const entry: fc.Arbitrary<Entry> = fc.record({
  capex: fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: YEARS, maxLength: YEARS }),
  /** NPV in cents, from -10% to +90% of the capital as the bench's class */
  share: fc.integer({ min: -10, max: 90 }),
  needsEarlier: fc.boolean(),
  group: fc.constantFrom(null, 'A', 'B'),
  cents: fc.integer({ min: 0, max: 99 }),
});

function portfolio(entries: Entry[], capShare: number, mandatoryFirst: boolean): PortfolioInput {
  const proposals: Proposal[] = entries.map((item, index) => {
    const capital = item.capex.reduce((sum, amount) => sum + amount, 0);
    const benefit = new Decimal(capital).times(100 + item.share).div(100).plus(new Decimal(item.cents).div(100)).toFixed(2);
    return proposalFixture(index + 1, { capex: item.capex.map((amount) => `${amount}.${String(item.cents).padStart(2, '0')}`), benefit: ['0', '0', benefit] }, {
      prerequisites: item.needsEarlier && index > 0 ? [index] : [],
      exclusiveGroup: item.group,
      mandatory: mandatoryFirst && index === 0,
    });
  });
  const demand = Array.from({ length: YEARS }, (_unused, year) => proposals.reduce((sum, proposal) => sum.plus(proposal.flows.capex[year] ?? 0), new Decimal(0)));
  return {
    proposals,
    metricsById: new Map(proposals.map((proposal) => [proposal.id, proposalMetrics(proposal, SETTINGS)])),
    scores: null,
    settings: { capitalCaps: demand.map((total) => total.times(capShare).div(100).toDecimalPlaces(3).toString()), operatingCaps: [], years: YEARS },
    objective: 'npv',
  };
}

describe('the rounding heuristic', () => {
  it('answers only portfolios that meet every constraint exactly, whatever the relaxation values it is guided by', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 20, max: 100 }),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 14, maxLength: 14 }),
        (entries, capShare, mandatoryFirst, guide) => {
          const input = portfolio(entries, capShare, mandatoryFirst);
          const built = buildPortfolioModel(input);
          if (!built.ok) return true;
          const values = improvedStart(input, built.model, guide);
          if (values === null) return mandatoryFirst;
          expect(brokenConstraints(input, built.model, values)).toEqual([]);
          return values.length === built.model.columns.length;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never claims more than the best portfolio found by trying every subset', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 10 }), fc.integer({ min: 20, max: 100 }), (entries, capShare) => {
        const input = portfolio(entries, capShare, false);
        const built = buildPortfolioModel(input);
        if (!built.ok) return true;
        const model = built.model;
        const valueOf = (values: readonly number[]) => model.columns.reduce((sum, id, column) => (values[column] === 1 ? sum.plus(model.value.get(id) ?? 0) : sum), new Decimal(0));
        let best = new Decimal(0);
        for (let mask = 0; mask < 1 << model.columns.length; mask += 1) {
          const values = model.columns.map((_id, column) => ((mask >> column) & 1) as number);
          if (brokenConstraints(input, model, values).length === 0 && valueOf(values).gt(best)) best = valueOf(values);
        }
        const values = improvedStart(input, model, null);
        return values !== null && valueOf(values).lte(best);
      }),
      { numRuns: 100 },
    );
  });

  it('exchanges one proposal for two that fill the cap better, where taking by value per unit of capital stops short', () => {
    // By value per capital, 1 comes first (30 for 50) and then nothing fits; 2 and 3 together fill the cap for 40.
    const entries: Entry[] = [
      { capex: [50, 0, 0], share: 60, needsEarlier: false, group: null, cents: 0 },
      { capex: [40, 0, 0], share: 50, needsEarlier: false, group: null, cents: 0 },
      { capex: [40, 0, 0], share: 50, needsEarlier: false, group: null, cents: 0 },
    ];
    const input = portfolio(entries, 100, false);
    input.settings = { ...input.settings, capitalCaps: ['80', null, null] };
    const built = buildPortfolioModel(input);
    if (!built.ok) throw new Error(built.conflicts.join());
    expect(improvedStart(input, built.model, null)).toEqual([0, 1, 1]);
  });
});
