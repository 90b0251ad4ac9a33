import { foldThreshold } from '../engine/layered-map';

/**
 * Positions of rows in an array after a few rows left it and a few arrived, without copying the
 * 10,000-entry maps of positions the sheet keeps (issue 14: a new line shifts every row after it
 * by one, and building a map of 10,000 positions costs milliseconds).
 *
 * An `ArrayShift` says how a base array became the array now: which base positions are gone
 * (`gone`) and where rows that are not from the base sit now (`arrived`). A row of the base still
 * there moves by the gone rows before it and the arrived rows before it (found through `anchors`,
 * the base row each arrived row comes after), so its position now is two binary searches away.
 * A `ShiftedIndex` is a map of positions over a base map and a shift; every index over the same
 * array (the display's lines and groups) shares one shift. Each step derives a new shift from the
 * last over the same base, so lookups never chain; once a step would carry more than
 * `foldThreshold` moved rows, the caller builds plain maps again.
 */
export class ArrayShift {
  /** No row moved: what a plain map of positions is over. */
  static readonly NONE = new ArrayShift([], [], []);

  private constructor(
    /** base positions of rows no longer there, ascending */
    readonly gone: readonly number[],
    /** positions now of rows that are not from the base, ascending */
    readonly arrived: readonly number[],
    /** for each arrived row, the base position of the base row it follows (-1: none), ascending */
    private readonly anchors: readonly number[],
  ) {}

  /** Rows the shift carries: past `foldThreshold`, plain maps are cheaper to read. */
  get weight(): number {
    return this.gone.length + this.arrived.length;
  }

  /** Position now of the base row at `basePosition`, undefined when it is gone. */
  positionOf(basePosition: number): number | undefined {
    if (this.gone.length > 0 && this.gone[countBelow(this.gone, basePosition)] === basePosition) return undefined;
    return basePosition - countBelow(this.gone, basePosition) + countBelow(this.anchors, basePosition);
  }

  /**
   * The shift after one more step: the rows at `leaving` (positions now, any order) left, then
   * rows arrived at `arriving` (positions in the new array, any order). Answers the new shift and
   * where a row that stayed moves to (`carry`, from its position now), or null when the new shift
   * would be heavier than `limit` rows.
   */
  then(leaving: readonly number[], arriving: readonly number[], limit: number): ShiftStep | null {
    const left = ascending(leaving);
    const came = ascending(arriving);
    // Where a row that stays goes: back by the rows that left before it, on by the rows that came before it.
    const carry = (position: number): number => {
      let next = position - countBelow(left, position);
      for (const at of came) if (at <= next) next += 1;
      return next;
    };
    const isArrived = (position: number) => this.arrived.length > 0 && this.arrived[countBelow(this.arrived, position)] === position;
    const gone = this.gone.slice();
    for (const position of left) {
      // A base row that leaves is gone; an arrived row that leaves just stops being carried.
      if (!isArrived(position)) gone.push(baseRowNumbered(this.gone, position - countBelow(this.arrived, position)));
    }
    const stayed = this.arrived.filter((position) => !contains(left, position)).map(carry);
    const arrived = ascending([...stayed, ...came]);
    const goneSorted = ascending(gone);
    if (goneSorted.length + arrived.length > limit) return null;
    // An arrived row follows the base row that ends the run of base rows before it.
    const anchors = arrived.map((position, rank) => (position - rank === 0 ? -1 : baseRowNumbered(goneSorted, position - rank - 1)));
    return { from: this, shift: new ArrayShift(goneSorted, arrived, anchors), carry, left };
  }
}

/** One step from a shift to the next, shared by every index over the same array. */
export interface ShiftStep {
  from: ArrayShift;
  shift: ArrayShift;
  /** position in the new array of a row that stayed, from its position before */
  carry: (position: number) => number;
  /** positions before of the rows that left, ascending */
  left: readonly number[];
}

/** The most moved rows a shift carries over an array of `length` rows before plain maps are built again. */
export function shiftLimit(length: number): number {
  return foldThreshold(length);
}

/**
 * A read-only map of positions (a `Map` because the sheet's types say so; writing to it throws):
 * the base map's positions moved by the shift, and the rows arrived since the base by key.
 * Iterates in position order, as a map built from the array would.
 */
export class ShiftedIndex<K> extends Map<K, number> {
  private readonly count: number;

  private constructor(
    private readonly base: ReadonlyMap<K, number>,
    readonly shift: ArrayShift,
    /** positions now of the keys whose rows arrived since the base */
    private readonly layer: ReadonlyMap<K, number>,
    count: number,
  ) {
    super();
    this.count = count;
  }

  /**
   * The index after `step`: `previous` (a plain map, or a shifted index over `step.from`) without
   * the keys in `leavingKeys`, with `arrivals` at their new positions, every other key carried.
   */
  static after<K>(previous: ReadonlyMap<K, number>, step: ShiftStep, leavingKeys: ReadonlySet<K>, arrivals: ReadonlyMap<K, number>): ShiftedIndex<K> {
    if (shiftOf(previous) !== step.from) throw new Error('The index is not over the array the step starts from.');
    let count = previous.size;
    for (const key of leavingKeys) if (previous.has(key)) count -= 1;
    const layer = new Map<K, number>();
    const known = previous instanceof ShiftedIndex ? (previous as ShiftedIndex<K>) : null;
    if (known !== null) for (const [key, position] of known.layer) if (!contains(step.left, position)) layer.set(key, step.carry(position));
    for (const [key, position] of arrivals) {
      if (!previous.has(key) || leavingKeys.has(key)) count += 1;
      layer.set(key, position);
    }
    return new ShiftedIndex(known?.base ?? previous, step.shift, layer, count);
  }

  override get size(): number {
    return this.count;
  }

  override get(key: K): number | undefined {
    const arrived = this.layer.get(key);
    if (arrived !== undefined) return arrived;
    const basePosition = this.base.get(key);
    return basePosition === undefined ? undefined : this.shift.positionOf(basePosition);
  }

  override has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  override forEach(callback: (value: number, key: K, map: Map<K, number>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  override *entries(): MapIterator<[K, number]> {
    const all: [K, number][] = [];
    for (const [key, basePosition] of this.base) {
      const position = this.layer.has(key) ? undefined : this.shift.positionOf(basePosition);
      if (position !== undefined) all.push([key, position]);
    }
    for (const entry of this.layer) all.push(entry);
    all.sort((a, b) => a[1] - b[1]);
    yield* all;
    return undefined;
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
    return undefined;
  }

  override *values(): MapIterator<number> {
    for (const [, value] of this.entries()) yield value;
    return undefined;
  }

  override [Symbol.iterator](): MapIterator<[K, number]> {
    return this.entries();
  }

  override set(): this {
    throw new Error('A shifted index is read-only: derive the next one with ShiftedIndex.after.');
  }

  override delete(): boolean {
    throw new Error('A shifted index is read-only: derive the next one with ShiftedIndex.after.');
  }

  override clear(): void {
    throw new Error('A shifted index is read-only: derive the next one with ShiftedIndex.after.');
  }
}

/** The shift an index of positions is over: none for a plain map. */
export function shiftOf(index: ReadonlyMap<unknown, number>): ArrayShift {
  return index instanceof ShiftedIndex ? index.shift : ArrayShift.NONE;
}

/** How many of the ascending `values` are below `value`. */
function countBelow(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function contains(ascendingValues: readonly number[], value: number): boolean {
  return ascendingValues[countBelow(ascendingValues, value)] === value;
}

function ascending(values: readonly number[]): number[] {
  return values.slice().sort((a, b) => a - b);
}

/** Base position of the base row numbered `rank` (from 0) among those not `gone` (ascending). */
function baseRowNumbered(gone: readonly number[], rank: number): number {
  let position = rank;
  for (const at of gone) if (at <= position) position += 1;
  return position;
}

/**
 * Where rows sit while a few leave an array and a few arrive one by one, from the positions
 * before, without scanning: a row that stayed moves back by the rows that left before it and on
 * by each row put in at or before it. Gives what `ArrayShift.then` and `ShiftedIndex.after` take.
 */
export class SplicedPositions<K> {
  /** positions before of the rows that left, ascending */
  readonly left: readonly number[];
  /** positions now of the rows put in */
  readonly arrived = new Map<K, number>();
  private readonly inserts: number[] = [];

  constructor(
    private readonly before: ReadonlyMap<K, number>,
    /** the keys of the rows that leave (those `before` does not have are not there) */
    readonly leaving: ReadonlySet<K>,
  ) {
    this.left = [...leaving].flatMap((key) => before.get(key) ?? []).sort((a, b) => a - b);
  }

  /** Position now of a row that stayed or was put in; undefined for one that left or was never there. */
  positionOf(key: K): number | undefined {
    const arrived = this.arrived.get(key);
    if (arrived !== undefined) return arrived;
    const before = this.leaving.has(key) ? undefined : this.before.get(key);
    if (before === undefined) return undefined;
    let position = before - countBelow(this.left, before);
    for (const at of this.inserts) if (at <= position) position += 1;
    return position;
  }

  /** Records a row put in at `position` (rows at or after it move on by one). */
  insert(position: number, key: K): void {
    this.inserts.push(position);
    for (const [other, at] of this.arrived) if (at >= position) this.arrived.set(other, at + 1);
    this.arrived.set(key, position);
  }

  /** The step from the positions before to these (null past `limit` moved rows). */
  step(limit: number): ShiftStep | null {
    return shiftOf(this.before).then(this.left, [...this.arrived.values()], limit);
  }
}
