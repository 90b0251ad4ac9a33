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

// Control characters other than tab, line feed and carriage return: no one types them, no file
// format Tandem writes may hold them (XML refuses them, a NUL ends a C string).
const ALLOWED_CONTROLS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d]);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function firstControl(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && !ALLOWED_CONTROLS.has(code)) || code === 0x7f) return index;
  }
  return -1;
}

/** Why a text may not cross the API (a control character, a lone surrogate), or null. */
export function textProblem(text: string): string | null {
  const index = firstControl(text);
  if (index >= 0) {
    const code = text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
    return `text cannot hold control characters; this has U+${code}${code === '0000' ? ' (NUL)' : ''} at position ${index + 1}`;
  }
  if (LONE_SURROGATE.test(text)) return 'text must be well-formed Unicode; this has a lone surrogate (half of a character)';
  return null;
}

/** No input of the API nests deeper than a few levels; a deeper one is refused before it is walked further. */
export const MAX_INPUT_DEPTH = 32;

/** A value met while walking an input, with the way back to the input's root. */
interface Place {
  value: unknown;
  key: PropertyKey | null;
  parent: Place | null;
  depth: number;
}

function pathOf(place: Place): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (let at: Place | null = place; at !== null && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The contract's guard on text, before any method's own schema: every string of an input, keys
 * included, at any depth, passes `textProblem`, and nothing nests deeper than `MAX_INPUT_DEPTH`.
 * Walked with a stack, so that no nesting can overflow it.
 */
export function guardedText<Input extends z.ZodType>(schema: Input): z.ZodType<z.output<Input>, z.input<Input>> {
  return z
    .custom<z.input<Input>>()
    .superRefine((input, context) => {
      // Each value links to its parent's place instead of carrying a path: a 1,000-line paste has
      // 13,000 values and no problem to name. A path is spelled out only for a problem.
      const pending: Place[] = [{ value: input, key: null, parent: null, depth: 0 }];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        const { value } = next;
        if (typeof value === 'string') {
          const problem = textProblem(value);
          if (problem !== null) return context.addIssue({ code: 'custom', path: pathOf(next), message: problem });
        } else if (typeof value === 'object' && value !== null) {
          if (next.depth >= MAX_INPUT_DEPTH) return context.addIssue({ code: 'custom', path: pathOf(next), message: `nests deeper than ${MAX_INPUT_DEPTH} levels, deeper than any input of the API` });
          if (Array.isArray(value)) {
            // An array's items are walked by index (no text to check in an index); anything else
            // hung on an array never reaches a handler: the schemas read arrays by index.
            for (let index = 0; index < value.length; index += 1) pending.push({ value: value[index] as unknown, key: index, parent: next, depth: next.depth + 1 });
            continue;
          }
          for (const [key, item] of Object.entries(value)) {
            const problem = textProblem(key);
            if (problem !== null) return context.addIssue({ code: 'custom', path: [...pathOf(next), key], message: `a field's name: ${problem}` });
            pending.push({ value: item, key, parent: next, depth: next.depth + 1 });
          }
        }
      }
    })
    .pipe(schema as unknown as z.ZodType<z.output<Input>, z.input<Input>>);
}
