/**
 * An immutable map that is cheap to derive from: `withEntries` returns a new map holding a few
 * changed entries over the old one, which is left as it was. The changes sit in a small layer
 * over a shared base (one level only, so a lookup is at most two hash lookups); once the layer
 * grows past a size tied to the base (see `foldThreshold`), the next derivation folds it into a
 * new base. A change of k entries therefore copies at most the layer (small) instead of the
 * whole map, and the occasional fold, a full copy, is spread over many changes.
 *
 * Iteration order is the one a copied `Map` would give: the base's keys in order, each with its
 * newest value, then the keys added since, in the order they were first set.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly size: number;

  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** Entries set since the base was made; never modified once the map is built. */
    private readonly layer: ReadonlyMap<K, V>,
    size: number,
  ) {
    this.size = size;
  }

  /** A layered map over `base`, which must not be modified afterwards (it is shared, not copied). */
  static over<K, V>(base: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return base instanceof LayeredMap ? (base as LayeredMap<K, V>) : new LayeredMap(base, new Map(), base.size);
  }

  /** A new map with `entries` set (later entries win); this map is unchanged. */
  withEntries(entries: Iterable<readonly [K, V]>): LayeredMap<K, V> {
    const layer = new Map(this.layer);
    let size = this.size;
    for (const [key, value] of entries) {
      if (!layer.has(key) && !this.base.has(key)) size += 1;
      layer.set(key, value);
    }
    if (layer.size <= foldThreshold(this.base.size)) return new LayeredMap(this.base, layer, size);
    const folded = new Map(this.base);
    for (const [key, value] of layer) folded.set(key, value);
    return new LayeredMap(folded, new Map(), folded.size);
  }

  /** Entries held over the shared base; stays at most `foldThreshold(base size)`. */
  get layerSize(): number {
    return this.layer.size;
  }

  get(key: K): V | undefined {
    return this.layer.has(key) ? this.layer.get(key) : this.base.get(key);
  }

  has(key: K): boolean {
    return this.layer.has(key) || this.base.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) yield [key, this.layer.has(key) ? (this.layer.get(key) as V) : value];
    for (const [key, value] of this.layer) if (!this.base.has(key)) yield [key, value];
    return undefined;
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
    return undefined;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
    return undefined;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/**
 * Largest layer kept before folding: a fold copies the base, so it should come about once every
 * many changes (4 x sqrt(n) changed keys: 400 for 10,000 entries), while each derivation copies
 * the layer, which stays small next to the base. Never below 32, so small maps do not fold on
 * every change.
 */
export function foldThreshold(baseSize: number): number {
  return Math.max(32, Math.ceil(4 * Math.sqrt(baseSize)));
}
