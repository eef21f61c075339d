const EMPTY: readonly never[] = Object.freeze([])

/**
 * key → values, where most keys have exactly one value (a reference, an order number): a single
 * value is stored as itself, so 100 000 open items do not cost 100 000 one-element arrays.
 * Values keep insertion order; an immediate repeat of the same value is skipped.
 */
export class PostingMap<V extends string | number, K extends string | number = string> {
  private readonly map = new Map<K, V | V[]>()

  add(key: K, value: V): void {
    const current = this.map.get(key)
    if (current === undefined) {
      this.map.set(key, value)
    } else if (Array.isArray(current)) {
      if (current[current.length - 1] !== value) {
        current.push(value)
      }
    } else if (current !== value) {
      this.map.set(key, [current, value])
    }
  }

  get(key: K): readonly V[] {
    const current = this.map.get(key)
    return current === undefined ? EMPTY : Array.isArray(current) ? current : [current]
  }

  /** Number of values under `key`, without allocating. */
  count(key: K): number {
    const current = this.map.get(key)
    return current === undefined ? 0 : Array.isArray(current) ? current.length : 1
  }

  has(key: K): boolean {
    return this.map.has(key)
  }
}
