import { z } from 'zod';
import { isCanonicalQuantity } from '../money/amount';
import { rateProblem } from '../finance/rates';

/** The longest file path the API takes: Linux's PATH_MAX, well above what Windows and macOS allow. */
export const MAX_PATH_LENGTH = 4096;

/**
 * A file path or file name: a relative one is taken in the folder the method names (workbooks,
 * Exports). Never a NUL character, which no file system allows in a name and which Node
 * refuses deep inside a write; never longer than `MAX_PATH_LENGTH`.
 */
export function filePath(emptyMessage = 'Give a file name or path.', maxLength = MAX_PATH_LENGTH) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(maxLength, `a file path has at most ${maxLength.toLocaleString('en-US')} characters`)
    .refine((text) => !text.includes('\u0000'), {
      error: (issue) => `a file path cannot contain a NUL character (U+0000); this one has one at position ${String(issue.input).indexOf('\u0000') + 1}`,
    });
}

/** Keys that name a part of every JavaScript object: as a record's key they could reach its prototype. */
const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * A record (an object used as a map) whose keys pass `key` and values pass `value`, refusing
 * `__proto__`, `constructor` and `prototype` as keys by name (zod alone drops `__proto__`
 * silently and takes the other two). Every record in the API is one of these.
 */
export function safeRecord<Key extends z.ZodType<string, string>, Value extends z.ZodType>(key: Key, value: Value) {
  const record = z.record(key, value);
  return z
    .custom<z.input<typeof record>>()
    .superRefine((input, context) => {
      if (typeof input !== 'object' || input === null) return;
      for (const name of Reflect.ownKeys(input)) {
        if (typeof name === 'string' && FORBIDDEN_KEYS.includes(name)) {
          context.addIssue({ code: 'custom', path: [name], message: `"${name}" cannot be a key here (it names a part of every JavaScript object)` });
        }
      }
    })
    .pipe(record);
}

/**
 * A rate per year as a fraction ("0.08" is 8%), within what finance computes with: above -100%
 * and at most 100% (see shared/finance/rates.ts).
 */
export const rate = z
  .string()
  .refine(isCanonicalQuantity, { message: 'expected a rate as a fraction such as "0.08" for 8% (at most six decimals)', abort: true })
  .superRefine((text, context) => {
    const problem = rateProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * A list of ids in which each may appear once: `what` names them in the message ("proposal"),
 * which gives the first repeated id.
 */
export function uniqueIds<Ids extends z.ZodType<number[], number[]>>(ids: Ids, what: string) {
  return ids.superRefine((list, context) => {
    const seen = new Set<number>();
    for (const [index, id] of list.entries()) {
      if (seen.has(id)) {
        context.addIssue({ code: 'custom', path: [index], message: `${what} ${id} is given twice; give each ${what} once` });
        return;
      }
      seen.add(id);
    }
  });
}
