import { CURRENCY_SCALE, isCanonicalAmount, toAmountText, tooLargeReason, type AmountText } from './amount';
import { withoutCurrencyMark } from './currency-symbol';
import { Decimal } from './decimal';

export type ParsedAmount =
  | { ok: true; amount: AmountText; /** set when the input had more decimals than the currency allows */ roundedFrom?: string }
  | { ok: false; message: string };

const SCALE_SUFFIX: Record<string, number> = { k: 3, m: 6, b: 9 };
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$|^\.\d+$/;

/** A number as finance people write it, read exactly and not yet rounded. */
export type ReadNumber = { ok: true; value: Decimal } | { ok: false; message: string };

/**
 * Reads a number the way finance people type it: `1,250.50`, `(300)`, `-300`, `$1,000`,
 * `1.2k`, `3m`, exactly, without rounding. A trailing `%` is the caller's to handle. A currency
 * mark is taken only when it is the workbook's own (`currency`, an ISO code): `£300` in a USD
 * workbook is refused, naming both, as is any mark when the currency is not given.
 */
export function readNumber(input: string, currency: string): ReadNumber {
  const original = input.trim();
  if (original === '') return { ok: false, message: 'The amount is empty.' };
  // Spaces and apostrophes group thousands in some locales (1 250.50, 1’250.50): read them as commas.
  let text = original.replace(/\s+/g, '').replace(/['’](?=\d{3})/g, ',');
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.startsWith('-')) {
    if (negative) return refuse(original);
    negative = true;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const unmarked = withoutCurrencyMark(text, original, currency);
  if (!unmarked.ok) return unmarked;
  text = unmarked.text;
  if (text.startsWith('-')) {
    // `$-300` is still minus three hundred.
    if (negative) return refuse(original);
    negative = true;
    text = text.slice(1);
  }
  let exponent = 0;
  const suffix = text.slice(-1).toLowerCase();
  const suffixScale = SCALE_SUFFIX[suffix];
  if (suffixScale !== undefined) {
    exponent = suffixScale;
    text = text.slice(0, -1);
  }
  if (!GROUPED_NUMBER.test(text)) return refuse(original);
  const value = new Decimal(text.replace(/,/g, '')).times(new Decimal(10).pow(exponent));
  return { ok: true, value: negative ? value.negated() : value };
}

/**
 * Reads an amount the way finance people type it (see `readNumber`; `currency` is the
 * workbook's, whose mark alone is taken). Rounds half-even to
 * cents and says so. Anything else is refused with a message saying what was wrong, never
 * read as zero.
 */
export function parseAmount(input: string, currency: string): ParsedAmount {
  const original = input.trim();
  if (original.endsWith('%')) {
    return { ok: false, message: `"${original}" is a percentage; percentages are only allowed on rate lines.` };
  }
  const read = readNumber(original, currency);
  if (!read.ok) return read;
  const amount = toAmountText(read.value);
  if (!isCanonicalAmount(amount)) {
    return { ok: false, message: `"${original}" is too large: ${tooLargeReason('amount')}` };
  }
  if (read.value.decimalPlaces() > CURRENCY_SCALE) {
    return { ok: true, amount, roundedFrom: original };
  }
  return { ok: true, amount };
}

function refuse(original: string): ReadNumber {
  return {
    ok: false,
    message: `"${original}" is not an amount. Type a number such as 1250.50, 1,250.50, (300), -300, 1.2k or 3m.`,
  };
}
