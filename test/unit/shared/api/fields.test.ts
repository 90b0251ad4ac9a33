import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filePath, guardedText, safeRecord, textProblem, uniqueIds } from '../../../../shared/api/fields';
import '../../../../shared/api/messages';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) => {
  const issue = result.error?.issues[0];
  return issue === undefined ? null : `${issue.path.map(String).join('.')}: ${issue.message}`;
};

describe('the shared field types of the API', () => {
  it('a file path takes any name without NUL up to 4,096 characters', () => {
    const path = filePath();
    expect(path.safeParse('Exports/budget 2027.csv').success).toBe(true);
    expect(path.safeParse('x'.repeat(4096)).success).toBe(true);
    expect(firstMessage(path.safeParse('x'.repeat(4097)))).toBe(': a file path has at most 4,096 characters');
    expect(firstMessage(path.safeParse('ab\u0000c'))).toBe(': a file path cannot contain a NUL character (U+0000); this one has one at position 3');
  });

  it('a safe record refuses __proto__, constructor and prototype as keys, naming the key', () => {
    const record = safeRecord(z.string(), z.number());
    expect(record.safeParse({ a: 1 }).success).toBe(true);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const input = JSON.parse(`{"a": 1, "${key}": 2}`) as unknown;
      expect(firstMessage(record.safeParse(input))).toBe(`${key}: "${key}" cannot be a key here (it names a part of every JavaScript object)`);
    }
  });

  it('a list of unique ids names the first id given twice', () => {
    const ids = uniqueIds(z.array(z.number()), 'proposal');
    expect(ids.safeParse([1, 2, 3]).success).toBe(true);
    expect(firstMessage(ids.safeParse([1, 2, 1, 2]))).toBe('2: proposal 1 is given twice; give each proposal once');
  });

  it('text may hold tabs and line breaks, but no other control character and no lone surrogate', () => {
    expect(textProblem('a\tb\r\nc – ünïcode 😀')).toBeNull();
    expect(textProblem('bell\u0007')).toBe('text cannot hold control characters; this has U+0007 at position 5');
    expect(textProblem('\u0000')).toBe('text cannot hold control characters; this has U+0000 (NUL) at position 1');
    expect(textProblem('del\u007f')).toContain('U+007F');
    expect(textProblem('half \ud83d')).toBe('text must be well-formed Unicode; this has a lone surrogate (half of a character)');
  });

  it('the guard on text looks at every string and key, before the schema, and refuses an input nested deeper than any of the API’s', () => {
    const guarded = guardedText(z.object({ items: z.array(z.object({ name: z.string() })) }).strict());
    expect(guarded.safeParse({ items: [{ name: 'ok' }] }).success).toBe(true);
    expect(firstMessage(guarded.safeParse({ items: [{ name: 'ok' }, { name: 'b\u0000d' }] }))).toBe('items.1.name: text cannot hold control characters; this has U+0000 (NUL) at position 2');
    expect(firstMessage(guarded.safeParse({ ['key\u0001']: 1 }))).toContain("a field's name: text cannot hold control characters");
    let deep: unknown = 'x';
    for (let depth = 0; depth < 1_000_000; depth += 1) deep = [deep];
    expect(firstMessage(guarded.safeParse(deep))).toBe(`${Array.from({ length: 32 }, () => '0').join('.')}: nests deeper than 32 levels, deeper than any input of the API`);
  });

  it('says what is missing or of the wrong type as a user would read it', () => {
    const schema = z.object({ name: z.string(), count: z.number().int() }).strict();
    expect(firstMessage(schema.safeParse({ count: 1 }))).toBe('name: missing (expected text)');
    expect(firstMessage(schema.safeParse({ name: 'a', count: 1.5 }))).toBe('count: expected a whole number, not 1.5');
    expect(firstMessage(schema.safeParse({ name: 'a', count: 1, extra: true }))).toBe(': a field this method does not take: "extra"');
  });
});
