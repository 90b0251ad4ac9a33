import { describe, expect, it } from 'vitest';
import { answerBytes } from '../../../../electron/transport/answer-bytes';
import { asciiJson } from '../../../../electron/transport/ascii-json';

/** A value that counts how often it is serialized (JSON.stringify reads its getter each time). */
function countingValue(frozen: boolean): { value: object; reads: () => number } {
  let reads = 0;
  const value = { lines: ['Café', 'Rent'] };
  Object.defineProperty(value, 'name', { enumerable: true, get: () => ((reads += 1), 'Plan — 2027') });
  return { value: frozen ? Object.freeze(value) : value, reads: () => reads };
}

const answerText = (answer: Parameters<typeof answerBytes>[0]): string => answerBytes(answer).toString('utf8');

describe('answerBytes', () => {
  it('writes an answer as ASCII JSON bytes', () => {
    const answer = { ok: true as const, value: { name: 'Zürich' } };
    expect(answerText(answer)).toBe(asciiJson(answer));
  });

  it('writes the answer of a frozen value once and sends those bytes again', () => {
    const { value, reads } = countingValue(true);
    const first = answerText({ ok: true, value });
    expect(answerBytes({ ok: true, value })).toBe(answerBytes({ ok: true, value }));
    expect(answerText({ ok: true, value })).toBe(first);
    expect(reads()).toBe(1);
    expect(JSON.parse(first)).toEqual({ ok: true, value: { lines: ['Café', 'Rent'], name: 'Plan — 2027' } });
  });

  it('writes an answer whose value may change every time', () => {
    const { value, reads } = countingValue(false);
    answerText({ ok: true, value });
    answerText({ ok: true, value });
    expect(reads()).toBe(2);
  });

  it('writes a refusal as it is', () => {
    const refusal = { ok: false as const, error: { code: 'invalid-input' as const, message: 'Année inconnue' } };
    expect(JSON.parse(answerText(refusal))).toEqual(refusal);
  });
});
