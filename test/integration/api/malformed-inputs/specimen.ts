import { z } from 'zod';

type Schema = z.core.$ZodType;
export type Path = readonly (string | number)[];

/** A place in a valid input: where it is, the schema the value there must pass, and that value. */
export interface Place {
  path: Path;
  schema: Schema;
  value: unknown;
  /** for an object: the fields it may be given, with their schemas (the optional ones too) */
  fields?: ReadonlyMap<string, Schema>;
}

/** A valid input of a method, derived from its schema, and each place in it. */
export interface Specimen {
  value: unknown;
  places: Place[];
}

// Strings tried in turn until the schema takes one: names, numbers, dates, spans, tokens, files.
const STRINGS = ['a', '1', '0.08', '2027-03-31', 'm3', '0123456789abcdef01234567', 'budget.csv'];
const NUMBERS = [1, 0, 2, 0.5, 12];

export const accepts = (schema: Schema, value: unknown): boolean => z.safeParse(schema, value).success;

/** Whether an object may leave this field out. */
export const isOptional = (schema: Schema): boolean => accepts(schema, undefined);

/**
 * A valid value of the schema, with its places; null when none is found. The simplest leaves
 * optional fields out; the `full` one gives every optional field it can, so that they are made
 * malformed too.
 */
export function specimenOf(schema: Schema, full = false): Specimen | null {
  const places: Place[] = [];
  const found = valueOf(schema, [], places, full);
  return found === null || !accepts(schema, found.value) ? null : { value: found.value, places };
}

function valueOf(schema: Schema, path: Path, places: Place[], full: boolean): { value: unknown } | null {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  const leaf = (value: unknown) => {
    places.push({ path, schema, value });
    return { value };
  };
  const firstTaken = (candidates: readonly unknown[]) => {
    const taken = candidates.find((candidate) => accepts(schema, candidate));
    return taken === undefined ? null : leaf(taken);
  };
  switch (def.type) {
    case 'string':
      return firstTaken(STRINGS);
    case 'number':
      return firstTaken(NUMBERS);
    case 'boolean':
      return leaf(true);
    case 'null':
      return leaf(null);
    case 'enum':
      return firstTaken(Object.values(def.entries));
    case 'literal':
      return firstTaken(def.values);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return wrapped(schema, def.innerType, path, places, full);
    case 'nullable':
      return wrapped(schema, def.innerType, path, places, full) ?? leaf(null);
    case 'pipe':
      return wrapped(schema, def.in, path, places, full) ?? wrapped(schema, def.out, path, places, full);
    case 'custom':
    case 'record':
      return leaf({});
    case 'union':
      for (const option of def.options) {
        const found = wrapped(schema, option, path, places, full);
        if (found !== null) return found;
      }
      return null;
    case 'array':
      for (const length of [1, 0, 12, 2]) {
        const mark = places.length;
        const items: unknown[] = [];
        for (let index = 0; index < length; index += 1) items.push(valueOf(def.element, [...path, index], places, full)?.value);
        if (accepts(schema, items)) {
          places.splice(mark, 0, { path, schema, value: items });
          return { value: items };
        }
        places.length = mark;
      }
      return null;
    case 'object': {
      const mark = places.length;
      const value: Record<string, unknown> = {};
      const fields = new Map<string, Schema>(Object.entries(def.shape));
      for (const [key, field] of fields) {
        if (isOptional(field)) continue;
        const found = valueOf(field, [...path, key], places, full);
        if (found === null) {
          places.length = mark;
          return null;
        }
        value[key] = found.value;
      }
      // Each optional field that can be given and leaves the object valid (refinements across fields count).
      for (const [key, field] of full ? fields : []) {
        if (!isOptional(field)) continue;
        const before = places.length;
        const found = valueOf(field, [...path, key], places, full);
        if (found !== null && found.value !== undefined && accepts(schema, { ...value, [key]: found.value })) value[key] = found.value;
        else places.length = before;
      }
      places.splice(mark, 0, { path, schema, value, fields });
      return { value };
    }
    default:
      return null;
  }
}

/** The value of an inner schema, checked against the outer one (which may refine it) at the same place. */
function wrapped(outer: Schema, inner: Schema, path: Path, places: Place[], full: boolean): { value: unknown } | null {
  const mark = places.length;
  const found = valueOf(inner, path, places, full);
  if (found !== null && accepts(outer, found.value)) {
    // The place is checked against the outer schema: its refinements (and defaults) count.
    const own = places.findIndex((place, index) => index >= mark && samePath(place.path, path));
    if (own >= 0) {
      const place = places[own];
      if (place !== undefined) places[own] = { ...place, schema: outer };
    }
    return found;
  }
  places.length = mark;
  return null;
}

export const samePath = (a: Path, b: Path): boolean => a.length === b.length && a.every((step, index) => step === b[index]);

/** A copy of `value` with the place at `path` replaced (or, with `remove`, its key left out). */
export function replaced(value: unknown, path: Path, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === step ? replaced(item, rest, replacement, remove) : item));
  if (typeof value === 'object' && value !== null && step !== undefined) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key !== String(step)) defineOwn(copy, key, item);
    }
    if (!(rest.length === 0 && remove)) defineOwn(copy, String(step), rest.length === 0 ? replacement : replaced((value as Record<string, unknown>)[String(step)], rest, replacement, remove));
    return copy;
  }
  return value;
}

/** Sets an own property, "__proto__" included (an assignment would set the prototype instead). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}
