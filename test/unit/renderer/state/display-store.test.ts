// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { amountFormatOf, sheetAmountFormatOf } from '../../../../renderer/state/display-store';

const settings = { negatives: 'parentheses', zero: 'dash' } as const;

/** The separators Intl itself gives for a locale: the oracle. */
function intlSeparators(locale: string): { groupSeparator: string; decimalSeparator: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return { groupSeparator: parts.find((part) => part.type === 'group')?.value ?? '', decimalSeparator: parts.find((part) => part.type === 'decimal')?.value ?? '' };
}

describe('the amount format of the display settings', () => {
  it.each(['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN'])('uses the separators Intl gives for %s', (locale) => {
    expect(amountFormatOf({ ...settings, locale })).toEqual({ ...settings, ...intlSeparators(locale) });
  });

  it('gives the same separators when asked again, and whole units on the sheet unless cents are asked for', () => {
    expect(amountFormatOf({ ...settings, locale: 'de-DE' })).toEqual(amountFormatOf({ ...settings, locale: 'de-DE' }));
    expect(sheetAmountFormatOf({ ...settings, locale: 'de-DE', sheetCents: false })).toMatchObject({ wholeUnits: true, groupSeparator: '.' });
    expect(sheetAmountFormatOf({ ...settings, locale: 'de-DE', sheetCents: true }).wholeUnits).toBeUndefined();
  });

  it('keeps a comma and a point for a locale Intl does not know', () => {
    expect(amountFormatOf({ ...settings, locale: 'not a locale!' })).toMatchObject({ groupSeparator: ',', decimalSeparator: '.' });
  });
});
