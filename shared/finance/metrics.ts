import { Decimal } from '../money/decimal';

/**
 * Investment metrics over net cash flows by period (period 0 is now, undiscounted), computed
 * in exact decimals. Rates are fractions (0.08 is 8%). Where a metric has no value the reason
 * is given instead of a number, never a zero or a wrong root.
 */
export type Metric = { ok: true; value: Decimal } | { ok: false; reason: string };

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

const none = (reason: string): Metric => ({ ok: false, reason });
const some = (value: Decimal): Metric => ({ ok: true, value });

/** The flow of period t discounted to period 0: CF_t / (1 + rate)^t. */
function discounted(flows: readonly Decimal[], rate: Decimal): Decimal[] {
  const factor = ONE.plus(rate);
  let divisor = ONE;
  return flows.map((flow, period) => {
    if (period > 0) divisor = divisor.times(factor);
    return flow.div(divisor);
  });
}

const sum = (values: readonly Decimal[]) => values.reduce((total, value) => total.plus(value), ZERO);

/**
 * Net present value with the first flow at time 0, undiscounted: CF0 + CF1/(1+r) + … . A
 * spreadsheet's NPV function discounts its first value too, so it equals CF0 + NPV(r, CF1…CFn)
 * there, not NPV(r, CF0…CFn).
 */
export function npv(flows: readonly Decimal[], rate: Decimal): Decimal {
  if (rate.lte(-1)) throw new RangeError('A discount rate must be above -100%.');
  return sum(discounted(flows, rate));
}

/** What a spreadsheet's NPV(rate, CF0…CFn) gives: every flow one period later than ours. */
export function spreadsheetNpv(flows: readonly Decimal[], rate: Decimal): Decimal {
  return npv(flows, rate).div(ONE.plus(rate));
}

function signChanges(flows: readonly Decimal[]): number {
  let changes = 0;
  let last = 0;
  for (const flow of flows) {
    const sign = flow.isZero() ? 0 : flow.isNegative() ? -1 : 1;
    if (sign === 0) continue;
    if (last !== 0 && sign !== last) changes += 1;
    last = sign;
  }
  return changes;
}

/** NPV as a float, only to find where its sign changes; the root itself is refined in decimals. */
function roughNpv(flows: readonly number[], rate: number): number {
  let value = 0;
  const v = 1 / (1 + rate);
  for (let period = flows.length - 1; period >= 0; period -= 1) value = value * v + (flows[period] ?? 0);
  return value;
}

/**
 * Bisection in decimals between rates whose NPVs have opposite signs, to 1e-16. An NPV within
 * 1e-30 of the flows' size counts as zero: 40-digit division leaves such crumbs at an exact root.
 */
function refineRoot(flows: readonly Decimal[], low: Decimal, high: Decimal): Decimal | null {
  const crumb = flows.reduce((largest, flow) => Decimal.max(largest, flow.abs()), ZERO).times('1e-30');
  let lowValue = npv(flows, low);
  if (lowValue.abs().lte(crumb)) return low;
  const highValue = npv(flows, high);
  if (highValue.abs().lte(crumb)) return high;
  if (lowValue.isNegative() === highValue.isNegative()) return null;
  const tolerance = new Decimal('1e-16');
  for (let step = 0; step < 200 && high.minus(low).gt(tolerance); step += 1) {
    const middle = low.plus(high).div(2);
    const middleValue = npv(flows, middle);
    if (middleValue.abs().lte(crumb)) return middle;
    if (middleValue.isNegative() === lowValue.isNegative()) {
      low = middle;
      lowValue = middleValue;
    } else {
      high = middle;
    }
  }
  return low.plus(high).div(2);
}

/** Rates scanned for sign changes of NPV: dense near zero, from -99% up to +100,000,000%. */
const SCAN_RATES: readonly number[] = (() => {
  const rates: number[] = [];
  for (let rate = -0.99; rate < 1; rate += 0.0025) rates.push(Number(rate.toFixed(4)));
  for (let rate = 1; rate <= 1_000_000; rate *= 1.05) rates.push(rate);
  return rates;
})();

/**
 * Internal rate of return: the rate at which NPV is zero. Refused with the reason when the flows
 * never change sign, when NPV has several roots (it lists them: a spreadsheet would silently
 * pick one), or when no root lies between -99% and +100,000,000%.
 */
export function irr(flows: readonly Decimal[]): Metric {
  if (flows.every((flow) => flow.isZero())) return none('All cash flows are zero.');
  if (signChanges(flows) === 0) return none('The cash flows never change sign, so no rate makes their NPV zero.');
  const rough = flows.map((flow) => flow.toNumber());
  const roots: Decimal[] = [];
  for (let index = 1; index < SCAN_RATES.length; index += 1) {
    const low = SCAN_RATES[index - 1] ?? 0;
    const high = SCAN_RATES[index] ?? 0;
    const lowValue = roughNpv(rough, low);
    const highValue = roughNpv(rough, high);
    if (lowValue === 0 || Math.sign(lowValue) !== Math.sign(highValue)) {
      const root = refineRoot(flows, new Decimal(low), new Decimal(high));
      if (root !== null && !roots.some((found) => found.minus(root).abs().lt('1e-9'))) roots.push(root);
    }
  }
  if (roots.length === 0) return none('No rate between -99% and +100,000,000% makes the NPV zero.');
  if (roots.length > 1) {
    const listed = roots.map((root) => `${root.times(100).toDecimalPlaces(2).toString()}%`).join(', ');
    return none(`The cash flows change sign ${signChanges(flows)} times and the NPV is zero at ${roots.length} rates (${listed}): no single IRR. Use NPV or MIRR.`);
  }
  return some(roots[0] as Decimal);
}

/**
 * Modified IRR: negative flows discounted to period 0 at the finance rate, positive flows
 * compounded to the last period at the reinvestment rate; as a spreadsheet's MIRR.
 */
export function mirr(flows: readonly Decimal[], financeRate: Decimal, reinvestRate: Decimal): Metric {
  const periods = flows.length - 1;
  if (periods < 1) return none('MIRR needs at least two periods.');
  const negatives = flows.map((flow) => (flow.isNegative() ? flow : ZERO));
  const positives = flows.map((flow) => (flow.isPositive() ? flow : ZERO));
  const presentCost = sum(discounted(negatives, financeRate)).abs();
  if (presentCost.isZero()) return none('There is no negative cash flow (no investment), so MIRR has no value.');
  const growth = ONE.plus(reinvestRate);
  const futureValue = positives.reduce((total, flow, period) => total.plus(flow.times(growth.pow(periods - period))), ZERO);
  if (futureValue.isZero()) return none('There is no positive cash flow (no return), so MIRR has no value.');
  return some(futureValue.div(presentCost).pow(ONE.div(periods)).minus(1));
}

/**
 * Periods from period 0 until the cumulative flows reach zero, interpolated within the period;
 * none if they never do. The count starts at the first flow that is not zero (a project that
 * starts spending next year is not "paid back" today), and is 0 when that flow is already a gain.
 */
function paybackOf(flows: readonly Decimal[], label: string): Metric {
  const start = flows.findIndex((flow) => !flow.isZero());
  if (start < 0) return some(ZERO);
  let cumulative = ZERO;
  for (let period = start; period < flows.length; period += 1) {
    const flow = flows[period] ?? ZERO;
    const before = cumulative;
    cumulative = cumulative.plus(flow);
    if (period === start) {
      if (!cumulative.isNegative()) return some(new Decimal(period));
      continue;
    }
    if (!cumulative.isNegative()) return some(new Decimal(period - 1).plus(before.negated().div(flow)));
  }
  return none(`The ${label}cash flows never add up to the investment within ${flows.length - 1} periods.`);
}

export function payback(flows: readonly Decimal[]): Metric {
  return paybackOf(flows, '');
}

export function discountedPayback(flows: readonly Decimal[], rate: Decimal): Metric {
  return paybackOf(discounted(flows, rate), 'discounted ');
}

/** Present value of the positive flows over that of the negative flows. */
export function profitabilityIndex(flows: readonly Decimal[], rate: Decimal): Metric {
  const present = discounted(flows, rate);
  const cost = sum(present.filter((flow) => flow.isNegative())).abs();
  if (cost.isZero()) return none('There is no negative cash flow (no investment) to divide by.');
  return some(sum(present.filter((flow) => flow.isPositive())).div(cost));
}

/** Undiscounted net gain over the total outlay. */
export function roi(flows: readonly Decimal[]): Metric {
  const outlay = sum(flows.filter((flow) => flow.isNegative())).abs();
  if (outlay.isZero()) return none('There is no negative cash flow (no investment) to divide by.');
  return some(sum(flows).div(outlay));
}
