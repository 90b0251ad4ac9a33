import { foldThreshold } from '../engine/layered-map';

/** Marks a key deleted over the base. */
const DELETED = Symbol('deleted');

/**
 * A read-only map (a `Map` because the sheet's types say so; writing to it throws) made of a few
 * entries set or deleted over a shared base map, so that a patch touching a few lines does not
 * copy a 10,000-entry map (issue 14). One level only: the next map over one of these reuses its
 * base and copies its small layer; past `foldThreshold` entries the layer is folded into a plain
 * map. Iterates the base's keys in order, each with its newest value, then the keys added since.
 */
export class OverlaidMap<K, V> extends Map<K, V> {
  private readonly count: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly layer: ReadonlyMap<K, V | typeof DELETED>,
    /** base keys deleted and set again since: like a Map, they iterate after the base's keys */
    private readonly moved: ReadonlySet<K>,
    count: number,
  ) {
    super();
    this.count = count;
  }

  /** `previous` (which must not change afterwards) without `deleted`, with `entries` set: an overlay, or a plain map once the changes pile up. */
  static over<K, V>(previous: ReadonlyMap<K, V>, deleted: Iterable<K>, entries: Iterable<readonly [K, V]>): Map<K, V> {
    const known = previous instanceof OverlaidMap ? (previous as OverlaidMap<K, V>) : null;
    const base = known?.base ?? previous;
    const layer = new Map<K, V | typeof DELETED>(known?.layer ?? []);
    const moved = new Set<K>(known?.moved ?? []);
    const present = (key: K) => (layer.has(key) ? layer.get(key) !== DELETED : base.has(key));
    let count = previous.size;
    for (const key of deleted) {
      if (!present(key)) continue;
      count -= 1;
      layer.delete(key);
      moved.delete(key);
      if (base.has(key)) layer.set(key, DELETED);
    }
    for (const [key, value] of entries) {
      if (!present(key)) {
        count += 1;
        // Set again after a delete: to the end of the layer, as a Map puts it at its end.
        layer.delete(key);
        if (base.has(key)) moved.add(key);
      }
      layer.set(key, value);
    }
    const result = new OverlaidMap(base, layer, moved, count);
    return layer.size > foldThreshold(base.size) ? new Map(result) : result;
  }

  override get size(): number {
    return this.count;
  }

  override get(key: K): V | undefined {
    if (!this.layer.has(key)) return this.base.get(key);
    const value = this.layer.get(key);
    return value === DELETED ? undefined : value;
  }

  override has(key: K): boolean {
    return this.layer.has(key) ? this.layer.get(key) !== DELETED : this.base.has(key);
  }

  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (!this.layer.has(key)) yield [key, value];
      else if (!this.moved.has(key)) {
        const newer = this.layer.get(key);
        if (newer !== DELETED) yield [key, newer as V];
      }
    }
    for (const [key, value] of this.layer) if (value !== DELETED && (!this.base.has(key) || this.moved.has(key))) yield [key, value];
    return undefined;
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
    return undefined;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
    return undefined;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override set(): this {
    throw new Error('An overlaid map is read-only: derive the next one with OverlaidMap.over.');
  }

  override delete(): boolean {
    throw new Error('An overlaid map is read-only: derive the next one with OverlaidMap.over.');
  }

  override clear(): void {
    throw new Error('An overlaid map is read-only: derive the next one with OverlaidMap.over.');
  }
}
