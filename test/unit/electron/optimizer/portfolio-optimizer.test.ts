import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptimizerService } from '../../../../electron/optimizer/optimizer-service';
import { optimizePortfolio } from '../../../../electron/optimizer/portfolio-optimizer';
import type { Proposal } from '../../../../shared/domain/proposal';
import { Decimal } from '../../../../shared/money/decimal';
import type { PortfolioInput } from '../../../../shared/portfolio/portfolio-model';
import { proposalMetrics } from '../../../../shared/portfolio/proposal-metrics';
import { proposalFixture } from '../../../helpers/proposal';

const YEARS = 3;
const SETTINGS = { discountRate: '0.08', financeRate: '0.06', reinvestRate: '0.1' };

function proposal(id: number, capex: number[], benefit: number[], extra: Partial<Proposal> = {}): Proposal {
  const text = (values: number[]) => Array.from({ length: YEARS }, (_unused, year) => String(values[year] ?? 0));
  return proposalFixture(id, { capex: text(capex), benefit: text(benefit), opex: text([]) }, extra);
}

function inputOf(proposals: Proposal[], caps: (string | null)[]): PortfolioInput {
  return {
    proposals,
    metricsById: new Map(proposals.map((entry) => [entry.id, proposalMetrics(entry, SETTINGS)])),
    scores: null,
    settings: { capitalCaps: caps, operatingCaps: [], years: YEARS },
    objective: 'npv',
  };
}

/** The best total NPV by trying every subset that meets the constraints: the reference for small portfolios. */
function bruteForce(input: PortfolioInput): Decimal {
  let best: Decimal | null = null;
  const n = input.proposals.length;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    const chosen = input.proposals.filter((_entry, index) => (mask & (1 << index)) !== 0);
    const ids = new Set(chosen.map((entry) => entry.id));
    if (input.proposals.some((entry) => entry.mandatory && !ids.has(entry.id))) continue;
    if (chosen.some((entry) => entry.prerequisites.some((needed) => !ids.has(needed)))) continue;
    const groups = chosen.flatMap((entry) => (entry.exclusiveGroup === null ? [] : [entry.exclusiveGroup]));
    if (new Set(groups).size !== groups.length) continue;
    const fits = input.settings.capitalCaps.every((cap, year) => cap === null || chosen.reduce((sum, entry) => sum.plus(entry.flows.capex[year] ?? 0), new Decimal(0)).lte(cap));
    if (!fits) continue;
    const total = chosen.reduce((sum, entry) => sum.plus(input.metricsById.get(entry.id)?.npv ?? 0), new Decimal(0));
    if (best === null || total.gt(best)) best = total;
  }
  return best ?? new Decimal(0);
}

describe('the portfolio optimizer', () => {
  const service = new OptimizerService(null);

  it('finds the same optimum as trying every subset, on random small portfolios', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ capex: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }), benefit: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 }) }), { minLength: 4, maxLength: 11 }),
        fc.integer({ min: 200, max: 1500 }),
        fc.boolean(),
        async (entries, cap, linked) => {
          const proposals = entries.map((entry, index) =>
            proposal(index + 1, entry.capex.map((value) => value * 1000), [0, ...entry.benefit.slice(1).map((value) => value * 1500)], {
              // Some structure: 2 needs 1, 3 and 4 are alternatives, 5 is mandatory when small enough.
              ...(linked && index === 1 ? { prerequisites: [1] } : {}),
              ...(linked && (index === 2 || index === 3) ? { exclusiveGroup: 'A' } : {}),
            }),
          );
          const input = inputOf(proposals, [String(cap * 1000), String(cap * 700), null]);
          const outcome = await optimizePortfolio(service, input, { timeLimitSeconds: 20, relativeGap: 0 });
          if (!outcome.ok) return false;
          return outcome.choice.status === 'optimal' && new Decimal(outcome.choice.objective).equals(bruteForce(input));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('explains what is out: an alternative, a prerequisite, a binding cap with the budget that would bring it in', async () => {
    const proposals = [
      proposal(1, [100000], [0, 80000, 80000]),
      proposal(2, [60000], [0, 30000, 40000], { exclusiveGroup: 'vendor' }),
      proposal(3, [70000], [0, 31000, 40000], { exclusiveGroup: 'vendor' }),
      proposal(4, [10000], [0, 9000, 9000], { prerequisites: [5] }),
      proposal(5, [500000], [0, 400000, 400000]),
    ];
    const outcome = await optimizePortfolio(service, inputOf(proposals, ['180000', null, null]), { timeLimitSeconds: 10, relativeGap: 0 });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.chosen.sort()).toEqual([1, 2]);
    expect(outcome.choice.reasons[3]).toBe('Out: its alternative “P2” is in (group vendor).');
    expect(outcome.choice.reasons[4]).toBe('Out: it needs “P5”, which is out.');
    expect(outcome.choice.reasons[5]).toContain('480,000.00 more in year 1 would bring it in');
    expect(outcome.choice.gap).toBe('0');
  });

  it('says which constraints clash when mandatory proposals break a cap, instead of dropping one', async () => {
    const proposals = [proposal(1, [300000], [], { mandatory: true }), proposal(2, [250000], [], { mandatory: true }), proposal(3, [1000], [0, 5000])];
    const outcome = await optimizePortfolio(service, inputOf(proposals, ['500000', null, null]), { timeLimitSeconds: 10, relativeGap: 0 });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflicts).toEqual(['The capital cap of year 1 is 500000.00, but “P1” (mandatory), “P2” (mandatory) already need 550000.00. Raise the cap or release one of them.']);
  });

  it('honours a department minimum, even at the cost of NPV, and says when one cannot be met', async () => {
    const proposals = [
      proposal(1, [100000], [0, 90000, 90000], { departmentId: 1 }),
      proposal(2, [100000], [0, 60000, 60000], { departmentId: 2 }),
    ];
    const capped = inputOf(proposals, ['100000', null, null]);
    const free = await optimizePortfolio(service, capped, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(free.ok && free.choice.chosen).toEqual([1]);
    const minimum = { ...capped, settings: { ...capped.settings, departmentMinimums: { 2: '100000' } }, departmentNames: new Map([[2, 'R&D']]) };
    const bound = await optimizePortfolio(service, minimum, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(bound.ok && bound.choice.chosen).toEqual([2]);
    const impossible = await optimizePortfolio(service, { ...minimum, settings: { ...minimum.settings, departmentMinimums: { 2: '250000' } } }, { timeLimitSeconds: 10, relativeGap: 0 });
    expect(impossible.ok ? [] : impossible.conflicts).toEqual(['R&D must get at least 250000.00 of capital, but all its open proposals together ask for 100000.00. Lower the minimum or add proposals.']);
  });

  it('finds the known optimum of a large constructed portfolio: the best-value set that fills the cap exactly', async () => {
    // 600 proposals; a chosen 150 return their capital once over in NPV (ratio 1), the others half
    // of it. The cap is exactly the chosen ones' capital, so no other set can be worth as much.
    const next = (() => {
      let state = 12345;
      return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    })();
    const proposals: Proposal[] = [];
    let cap = new Decimal(0);
    let best = new Decimal(0);
    const chosen: number[] = [];
    for (let id = 1; id <= 600; id += 1) {
      const capital = new Decimal(1000 + Math.floor(next() * 99000));
      const good = id % 4 === 0;
      const npvWanted = good ? capital : capital.div(2);
      // NPV = -capital + benefit / 1.08 at the 8% discount rate.
      const benefit = capital.plus(npvWanted).times('1.08');
      proposals.push(proposal(id, [capital.toNumber()], [0, benefit.toNumber()]));
      if (good) {
        cap = cap.plus(capital);
        best = best.plus(npvWanted);
        chosen.push(id);
      }
    }
    const input = inputOf(proposals, [cap.toString(), null, null]);
    const outcome = await optimizePortfolio(service, input, { timeLimitSeconds: 60, relativeGap: 0 });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.status).toBe('optimal');
    expect(new Decimal(outcome.choice.objective).equals(best)).toBe(true);
    expect(outcome.choice.chosen.slice().sort((a, b) => a - b)).toEqual(chosen);
  });
});
