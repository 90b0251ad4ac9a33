import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedPayback, irr, mirr, npv, payback, profitabilityIndex, roi, spreadsheetNpv, type Metric } from '../../../../shared/finance/metrics';
import { Decimal } from '../../../../shared/money/decimal';

interface ReferenceCase {
  name: string;
  rate: string;
  cashFlows: string[];
  npv: string;
  spreadsheetNpv: string;
  irr: string | null;
  irrByGuess?: { guess: string; irr: string }[];
  mirr: string | null;
  paybackPeriods: string | null;
  discountedPaybackPeriods: string | null;
  profitabilityIndex: string | null;
  roi: string | null;
}

/** Values computed by LibreOffice Calc for the same flows (see test/fixtures/finance/README.md). */
const reference = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/finance/reference-metrics.json'), 'utf8')) as { financeRate: string; reinvestRate: string; cases: ReferenceCase[] };

/** Calc computes in binary floating point and prints 15 significant digits: agree to 1e-9 relative (or absolute near zero). */
function expectClose(actual: Decimal, expected: string, what: string): void {
  const target = new Decimal(expected);
  const tolerance = Decimal.max(target.abs(), 1).times('1e-9');
  expect(actual.minus(target).abs().lte(tolerance), `${what}: ${actual.toString()} vs Calc ${expected}`).toBe(true);
}

function expectMetric(actual: Metric, expected: string | null, what: string): void {
  if (expected === null) {
    expect(actual.ok, `${what}: Calc has no value, Tandem gave ${actual.ok ? actual.value.toString() : ''}`).toBe(false);
    return;
  }
  expect(actual.ok, `${what}: ${actual.ok ? '' : actual.reason}`).toBe(true);
  if (actual.ok) expectClose(actual.value, expected, what);
}

describe('investment metrics against LibreOffice Calc', () => {
  for (const row of reference.cases) {
    it(row.name, () => {
      const flows = row.cashFlows.map((flow) => new Decimal(flow));
      const rate = new Decimal(row.rate);
      expectClose(npv(flows, rate), row.npv, 'npv');
      expectClose(spreadsheetNpv(flows, rate), row.spreadsheetNpv, 'spreadsheet NPV');
      expectMetric(mirr(flows, new Decimal(reference.financeRate), new Decimal(reference.reinvestRate)), row.mirr, 'mirr');
      expectMetric(payback(flows), row.paybackPeriods, 'payback');
      expectMetric(discountedPayback(flows, rate), row.discountedPaybackPeriods, 'discounted payback');
      expectMetric(profitabilityIndex(flows, rate), row.profitabilityIndex, 'profitability index');
      expectMetric(roi(flows), row.roi, 'roi');
      const roots = new Set((row.irrByGuess ?? []).map((guess) => new Decimal(guess.irr).toDecimalPlaces(6).toString()));
      const result = irr(flows);
      if (roots.size > 1) {
        // Calc returns whichever root its guess leads to; Tandem names them all and gives none.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.reason).toContain(`zero at ${roots.size} rates`);
      } else if (row.irr === null && roots.size === 1) {
        // Calc fails to converge from its default guess but finds the root from another: Tandem finds it.
        expectMetric(result, row.irrByGuess?.[0]?.irr ?? null, 'irr');
      } else {
        expectMetric(result, row.irr, 'irr');
      }
    });
  }
});

describe('IRR', () => {
  it('makes the NPV zero, for any project that invests then returns', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 15 }), (investment, returns) => {
        // Returns of at least 5% of the outlay keep the IRR above -99%, where the scan looks.
        fc.pre(returns.reduce((sum, value) => sum + value, 0) * 20 >= investment);
        const flows = [new Decimal(-investment), ...returns.map((value) => new Decimal(value))];
        const result = irr(flows);
        if (!result.ok) return false;
        return npv(flows, result.value).abs().lt(new Decimal(investment).times('1e-9'));
      }),
      { numRuns: 60 },
    );
  });

  it('says why there is none', () => {
    const none = (flows: number[]) => {
      const result = irr(flows.map((flow) => new Decimal(flow)));
      return result.ok ? 'a value' : result.reason;
    };
    expect(none([100, 200])).toBe('The cash flows never change sign, so no rate makes their NPV zero.');
    expect(none([0, 0])).toBe('All cash flows are zero.');
    expect(none([-1000, 3600, -4310, 1716])).toBe('The cash flows change sign 3 times and the NPV is zero at 3 rates (10%, 20%, 30%): no single IRR. Use NPV or MIRR.');
  });
});

describe('payback', () => {
  it('starts counting at the first flow, so a project that spends next year is not paid back today', () => {
    const result = payback([0, -200000, 95000, 115000].map((flow) => new Decimal(flow)));
    expect(result.ok && result.value.toDecimalPlaces(6).toString()).toBe(new Decimal(2).plus(new Decimal(105000).div(115000)).toDecimalPlaces(6).toString());
  });
});
