import { z } from 'zod';

/**
 * The API's wording of what zod finds wrong where a schema gives no message of its own: said
 * as a user would need it ("missing", "expected a whole number, not 1.5"), never "undefined".
 * Dispatch prefixes the method and the place: "Invalid input for sheet/set-cells at edits.0.period: …".
 */
export const apiErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `missing (expected ${nounOf(issue.expected)})` : `expected ${nounOf(issue.expected)}, not ${described(issue.input)}`;
    case 'too_big':
      return `${bound(issue.origin, 'most', issue.maximum, issue.inclusive)}${issue.origin === 'string' && typeof issue.input === 'string' ? ` (this has ${issue.input.length.toLocaleString('en-US')})` : ''}`;
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'cannot be empty' : bound(issue.origin, 'least', issue.minimum, issue.inclusive);
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'a field' : 'fields'} this method does not take: ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'invalid_value':
      return `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.slice(0, 12).map((value) => JSON.stringify(value)).join(', ')}, not ${described(issue.input)}`;
    case 'invalid_union':
      return `matches none of the forms this takes (${described(issue.input)})`;
    case 'invalid_format':
      return `is not in the expected format (${described(issue.input)})`;
    case 'invalid_key':
      return 'is not an accepted key';
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
};

function nounOf(expected: string): string {
  const nouns: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object', record: 'an object', array: 'a list', null: 'null', nan: 'NaN' };
  return nouns[expected] ?? expected;
}

function described(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return input.length > 40 ? `a text of ${input.length.toLocaleString('en-US')} characters` : `the text ${JSON.stringify(input)}`;
  if (typeof input === 'number') return Number.isSafeInteger(input) || !Number.isInteger(input) ? String(input) : `${String(input)} (beyond the whole numbers a double holds exactly)`;
  if (typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return `a list of ${input.length}`;
  return typeof input === 'object' ? 'an object' : typeof input;
}

function bound(origin: string, side: 'most' | 'least', limit: number | bigint, inclusive: boolean | undefined): string {
  const amount = typeof limit === 'number' ? limit.toLocaleString('en-US', { maximumFractionDigits: 20 }) : limit.toString();
  if (origin === 'string') return `at ${side} ${amount} characters`;
  if (origin === 'array' || origin === 'set') return `at ${side} ${amount} items`;
  if (inclusive === false) return side === 'most' ? `must be below ${amount}` : `must be above ${amount}`;
  return `must be at ${side} ${amount}`;
}

z.config({ customError: apiErrorMap });
