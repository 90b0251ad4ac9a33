import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AmountFormat } from '../../shared/money/format-amount';

/** How the sheet shows amounts: a preference of the person at this computer, kept across sessions. */
interface DisplayState {
  negatives: AmountFormat['negatives'];
  zero: AmountFormat['zero'];
  /** a BCP 47 tag for thousands and decimal separators; empty for the system's */
  locale: string;
  /** whether the budget sheet shows cents; without them the year fits a 1,440 px window (the formula bar, status bar and files stay exact) */
  sheetCents: boolean;
  setDisplay(change: Partial<Pick<DisplayState, 'negatives' | 'zero' | 'locale' | 'sheetCents'>>): void;
}

export const useDisplayStore = create<DisplayState>()(
  persist(
    (set) => ({
      negatives: 'parentheses',
      zero: 'dash',
      locale: 'en-US',
      sheetCents: false,
      setDisplay: (change) => set(change),
    }),
    { name: 'tandem.display' },
  ),
);

/** The amount format the display settings describe, with the locale's separators. */
export function amountFormatOf(state: Pick<DisplayState, 'negatives' | 'zero' | 'locale'>): AmountFormat {
  return { negatives: state.negatives, zero: state.zero, ...separatorsOf(state.locale) };
}

type Separators = Pick<AmountFormat, 'groupSeparator' | 'decimalSeparator'>;

// Asked of Intl once per locale: the first NumberFormat loads the locale's data (tens of
// milliseconds at open), and the default, en-US, is known without asking.
const separatorsByLocale = new Map<string, Separators>([['en-US', { groupSeparator: ',', decimalSeparator: '.' }]]);

function separatorsOf(locale: string): Separators {
  const known = separatorsByLocale.get(locale);
  if (known !== undefined) return known;
  const separators = { groupSeparator: ',', decimalSeparator: '.' };
  try {
    for (const part of new Intl.NumberFormat(locale === '' ? undefined : locale).formatToParts(1234567.5)) {
      if (part.type === 'group') separators.groupSeparator = part.value;
      if (part.type === 'decimal') separators.decimalSeparator = part.value;
    }
  } catch {
    // An unknown locale keeps the defaults.
  }
  separatorsByLocale.set(locale, separators);
  return separators;
}

/** The budget sheet's format: the display settings, in whole units unless the user asked for cents. */
export function sheetAmountFormatOf(state: Pick<DisplayState, 'negatives' | 'zero' | 'locale' | 'sheetCents'>): AmountFormat {
  return state.sheetCents ? amountFormatOf(state) : { ...amountFormatOf(state), wholeUnits: true };
}
