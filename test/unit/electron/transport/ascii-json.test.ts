import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../../../../electron/transport/ascii-json';

describe('asciiJson', () => {
  it('writes accented letters, dashes and emoji as escapes, so the answer is ASCII only', () => {
    const text = asciiJson({ description: 'Café — Zürich 😀', amount: '1250.50' });
    expect(text).toBe('{"description":"Caf\\u00e9 \\u2014 Z\\u00fcrich \\ud83d\\ude00","amount":"1250.50"}');
    expect(/[^ -~\t\n\r]/.test(text)).toBe(false);
  });

  it('leaves an ASCII answer exactly as JSON.stringify writes it', () => {
    const value = { ok: true, value: { lines: ['Rent', 'Travel "abroad"\n'], values: ['1;2;;3'] } };
    expect(asciiJson(value)).toBe(JSON.stringify(value));
  });

  it('reads back to the very value for any JSON value, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const text = asciiJson(value);
        expect(/[^ -~\t\n\r]/.test(text)).toBe(false);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 150 },
    );
  });
});
