/**
 * Currency marks in typed amounts. A workbook counts in one currency (an ISO code such as
 * `USD`); an amount may carry that currency's own mark (`$300`, `300 USD`), which says nothing
 * more than the workbook does. Any other mark (`£300` in a USD workbook) is refused with the
 * reason, never dropped: 300 pounds are not 300 dollars.
 */

export type CurrencyMark = { ok: true; text: string } | { ok: false; message: string };

const marksByCurrency = new Map<string, readonly string[]>();

/** The ways a currency is written: its code and its symbols (`USD`, `US$`, `$`; `CAD`, `CA$`, `$`), longest first; worked out once per currency. */
export function currencyMarks(currency: string): readonly string[] {
  const known = marksByCurrency.get(currency);
  if (known !== undefined) return known;
  const marks = marksOf(currency);
  marksByCurrency.set(currency, marks);
  return marks;
}

function marksOf(currency: string): string[] {
  const code = currency.trim().toUpperCase();
  const marks = new Set<string>([code]);
  // The narrow symbol ($), and the symbol as written at home and abroad ($ and US$, CA$ and $, ¥ and JP¥).
  const ways = [
    ['en', 'narrowSymbol'],
    ['en', 'symbol'],
    ['en-CA', 'symbol'],
  ] as const;
  for (const [locale, currencyDisplay] of ways) {
    try {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay }).formatToParts(1).find((candidate) => candidate.type === 'currency');
      if (part !== undefined) marks.add(part.value);
    } catch {
      // Not a code Intl knows: the code itself is its only mark.
    }
  }
  // Longest first, so `US$` is taken whole rather than as `$` after letters.
  return [...marks].filter((mark) => mark !== '').sort((a, b) => b.length - a.length);
}

let knownCodes: ReadonlySet<string> | null = null;
function isCurrencyCode(text: string): boolean {
  if (knownCodes === null) {
    const supported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf;
    knownCodes = new Set(supported === undefined ? ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'SEK', 'NOK', 'DKK'] : supported('currency'));
  }
  return knownCodes.has(text);
}

/** A currency symbol, with the letters some write before it (`$`, `£`, `US$`, `CA$`, `R$`). */
const SYMBOL_AT_START = /^[A-Za-z]{0,3}\p{Sc}/u;
const SYMBOL_AT_END = /\p{Sc}$/u;
const CODE_AT_START = /^[A-Z]{3}(?=[\d.(])/;
const CODE_AT_END = /(?<=[\d.)kKmMbB])[A-Z]{3}$/;

/**
 * `text` (spaces already removed, sign already taken) without the workbook's own currency mark
 * at its start or end, or the reason it is refused: another currency's symbol or code. With no
 * workbook currency to compare with, any mark is refused, since which currency it names cannot be checked.
 */
export function withoutCurrencyMark(text: string, original: string, currency: string | undefined): CurrencyMark {
  // Most amounts start and end with a digit: nothing to look at.
  if (/^[\d.(]/.test(text) && /[\d.)]$/.test(text)) return { ok: true, text };
  if (currency !== undefined) {
    for (const mark of currencyMarks(currency)) {
      if (text.startsWith(mark)) return { ok: true, text: text.slice(mark.length) };
      if (text.endsWith(mark) && text.length > mark.length) return { ok: true, text: text.slice(0, -mark.length) };
    }
  }
  const foreign = SYMBOL_AT_START.exec(text)?.[0] ?? SYMBOL_AT_END.exec(text)?.[0] ?? [CODE_AT_START.exec(text)?.[0], CODE_AT_END.exec(text)?.[0]].find((code) => code !== undefined && isCurrencyCode(code));
  // Anything else in the middle of the number (`1$000`) is left for the number's own check to refuse.
  if (foreign === undefined || foreign === null) return { ok: true, text };
  if (currency === undefined || currency.trim() === '') return { ok: false, message: `"${original}" carries the currency mark ${foreign}: type the amount without it.` };
  const own = currencyMarks(currency).filter((mark) => mark !== currency.trim().toUpperCase());
  const ownSymbol = own.length === 0 ? '' : ` (${own[own.length - 1] ?? ''})`;
  return {
    ok: false,
    message: `"${original}" is in another currency (${foreign}): this workbook counts in ${currency.trim().toUpperCase()}${ownSymbol}. Type the amount in ${currency.trim().toUpperCase()}, without ${foreign}.`,
  };
}
