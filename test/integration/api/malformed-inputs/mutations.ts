import fc from 'fast-check';
import { accepts, defineOwn, isOptional, replaced, type Path, type Place, type Specimen } from './specimen';

/** A malformed input: what was done to the valid one, where, and whether the schema there refuses it. */
export interface Mutation {
  kind: string;
  path: Path;
  input: unknown;
  /** the contract refuses the value at its place: the call must be refused as invalid input */
  malformed: boolean;
  /** a value the schema may take that the back must still handle cleanly (huge, junk, extreme): sent even when taken */
  probe: boolean;
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const LONG = 'x'.repeat(100_001);
const JUNK = ['abc', 'e999', ' 1', '%', '\u00a0', ',5', '.5.5', '_000', 'x', '\u0000', '\u202e', '\ud800'];
const NUMERIC_WORDS = ['NaN', 'Infinity', '-Infinity', '1e999', '0x1F', '1,000.00', '١٢٣', '--1', '+5', '1.2.3', '9'.repeat(400), '-0', '00012', ''];
const HUGE = [Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, Number.MIN_VALUE, -Number.MAX_SAFE_INTEGER - 1];
const HUGE_NUMBER = 'a huge or non-finite number';
const HUGE_TEXT = 'a huge numeric string';
const JUNK_TEXT = 'a numeric string with junk';
const DANGLING = 'a whole number that names nothing';
const PROBES: ReadonlySet<string> = new Set([HUGE_NUMBER, HUGE_TEXT, JUNK_TEXT, DANGLING]);
const WRONG_TYPES: readonly unknown[] = [null, true, 0, 'text', [], {}, [null], { value: null }];

/** Every malformed input fast-check may draw for a method, around its valid specimen. */
export function malformedInputs(specimen: Specimen): fc.Arbitrary<Mutation> {
  const whole = specimen.places.find((place) => place.path.length === 0);
  if (whole === undefined) throw new Error('a specimen has a place for the whole input');
  const root = fc.constantFrom<unknown>(null, [], 'workbook', 42, true, [specimen.value]).map((input) => judged(mutation('the input is not an object', [], input, specimen), whole, input));
  const placed = fc.constantFrom(...specimen.places).chain((place) => fc.oneof(...mutationsAt(place, specimen)));
  // A value the schema takes at its place (null where null is allowed) is no malformed input: drawn again.
  return fc.oneof({ arbitrary: root, weight: 1 }, { arbitrary: placed, weight: 9 }).filter((candidate) => candidate.malformed || candidate.probe);
}

function mutation(kind: string, path: Path, input: unknown, specimen: Specimen, remove = false): Mutation {
  return { kind, path, input: path.length === 0 ? input : replaced(specimen.value, path, input, remove), malformed: false, probe: PROBES.has(kind) };
}

/** The mutations that fit the place's value: its type, its fields, its items. */
function mutationsAt(place: Place, specimen: Specimen): fc.Arbitrary<Mutation>[] {
  const at = (kind: string, values: fc.Arbitrary<unknown>) => values.map((value) => judged(mutation(kind, place.path, value, specimen), place, value));
  const arbitraries: fc.Arbitrary<Mutation>[] = [at('a wrong type or a nested null', fc.constantFrom(...WRONG_TYPES))];
  const { value } = place;
  if (typeof value === 'number') {
    arbitraries.push(at(HUGE_NUMBER, fc.oneof(fc.constantFrom(...HUGE), fc.double({ min: 1e16, noNaN: true }), fc.double({ max: -1e16, noNaN: true }))));
    arbitraries.push(at('a fraction where a whole number may be wanted, or a number as text', fc.constantFrom(value + 0.5, String(value), `${value}abc`)));
    // Taken by the schema where it is an id, a period or a year: the handler must say what it names is not there.
    if (Number.isInteger(value)) arbitraries.push(at(DANGLING, fc.constantFrom(2_147_483_647, 999_999, 36, 600)));
  }
  if (typeof value === 'string') {
    arbitraries.push(at('a NUL character', fc.nat(value.length).map((index) => `${value.slice(0, index)}\u0000${value.slice(index)}`)));
    arbitraries.push(at('a very long string', fc.constantFrom(LONG, value.repeat(Math.ceil(100_001 / Math.max(1, value.length))))));
    if (value !== '' && !Number.isNaN(Number(value))) {
      arbitraries.push(at(JUNK_TEXT, fc.oneof(fc.constantFrom(...NUMERIC_WORDS), fc.tuple(fc.integer(), fc.constantFrom(...JUNK)).map(([number, junk]) => `${number}${junk}`))));
      arbitraries.push(at(HUGE_TEXT, fc.constantFrom('999999999999999999', '-999999999999999999', '1'.repeat(19), `${'9'.repeat(18)}.99`, '0.0000001')));
    }
  }
  if (Array.isArray(value)) {
    arbitraries.push(at('an array with a null, a wrong item or a proto key', fc.constantFrom([...value, null], [...value, 'x'], [...value, { __proto__: null, constructor: 1 }], [[...value]])));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const keys = [...(place.fields?.keys() ?? [])];
    arbitraries.push(at('a prototype key', fc.constantFrom(...PROTO_KEYS).map((key) => withKey(object, key, key === '__proto__' ? { polluted: true } : '1'))));
    arbitraries.push(at('an extra field', fc.constantFrom('unexpected', 'id', 'Path', ' ').map((key) => withKey(object, key, 1))));
    const required = Object.keys(object).filter((key) => place.fields !== undefined && !isOptional(place.fields.get(key) ?? place.schema));
    if (required.length > 0) arbitraries.push(at('a missing field', fc.constantFrom(...required).map((key) => without(object, key))));
    if (keys.length > 0) arbitraries.push(at('a field set to null', fc.constantFrom(...keys).map((key) => withKey(object, key, null))));
  }
  return arbitraries;
}

/** Marks a mutation malformed when the schema at its place refuses the new value. */
function judged(candidate: Mutation, place: Place, value: unknown): Mutation {
  return { ...candidate, malformed: !accepts(place.schema, value) };
}

function withKey(object: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(object)) defineOwn(copy, name, item);
  defineOwn(copy, key, value);
  return copy;
}

function without(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(object)) if (name !== key) defineOwn(copy, name, item);
  return copy;
}

/** JSON text of an input, with the non-finite numbers JSON cannot say written as numbers too large for a double (1e999). */
export function jsonOf(value: unknown): string {
  const marks = new Map<string, string>([['@@+Infinity@@', '1e999'], ['@@-Infinity@@', '-1e999'], ['@@NaN@@', 'null']]);
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && !Number.isFinite(item)) return Number.isNaN(item) ? '@@NaN@@' : item > 0 ? '@@+Infinity@@' : '@@-Infinity@@';
    return item;
  });
  return text.replace(/"@@(\+Infinity|-Infinity|NaN)@@"/g, (mark) => marks.get(mark.slice(1, -1)) ?? 'null');
}
