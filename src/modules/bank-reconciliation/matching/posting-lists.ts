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

/** 32-bit FNV-1a over the UTF-16 code units of a string; a number that fits 31 bits hashes to itself. */
export function hashKey(key: string | number): number {
  if (typeof key === "number") {
    if ((key | 0) === key) {
      return key
    }
    key = String(key)
  }
  let hash = HASH_START
  for (let i = 0; i < key.length; i++) {
    hash = hashStep(hash, key.charCodeAt(i))
  }
  return hash | 0
}

/** hashKey of a string, one character at a time: start with HASH_START, fold each code with hashStep. */
export const HASH_START = 0x811c9dc5 | 0

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193)
}

/**
 * key → positions (ascending, as added), for keys that can be derived again from the position
 * (an item's reference, invoice number, order number). Only a 32-bit hash and the position are
 * stored, in typed arrays: 100 000 open items cost a few flat arrays instead of 100 000 map
 * entries and key strings kept alive. A lookup walks the positions with the same hash and keeps
 * those whose key (`keyOf`) is the one asked for, so a hash collision never mixes two keys.
 */
export class HashedPostings<K extends string | number> {
  private buckets: Int32Array // bucket → last entry added + 1 (0: empty)
  private next: Int32Array // entry → the entry added before it in the same bucket + 1 (0: none)
  private hashes: Int32Array // entry → hash of its key
  private values: Int32Array // entry → position
  private size = 0

  constructor(expected: number, private readonly keyOf: (position: number) => K | null) {
    let buckets = 16
    while (buckets < expected) {
      buckets *= 2
    }
    this.buckets = new Int32Array(buckets)
    const entries = Math.max(16, expected)
    this.next = new Int32Array(entries)
    this.hashes = new Int32Array(entries)
    this.values = new Int32Array(entries)
  }

  /** Adds `position` under `key`; positions must be added in ascending order. */
  add(key: K, position: number): void {
    this.addHash(hashKey(key), position)
  }

  /** Like add, with the key's hashKey computed by the caller (without building the key). */
  addHash(hash: number, position: number): void {
    if (this.size === this.values.length) {
      this.grow()
    }
    const entry = this.size++
    this.hashes[entry] = hash
    this.values[entry] = position
    // Added at the head of its bucket (one random access per entry); get() gives them back ascending.
    const bucket = hash & (this.buckets.length - 1)
    this.next[entry] = this.buckets[bucket]
    this.buckets[bucket] = entry + 1
  }

  get(key: K): readonly number[] {
    const hash = hashKey(key)
    let found: number[] | null = null
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry !== 0; entry = this.next[entry - 1]) {
      if (this.hashes[entry - 1] === hash && this.keyOf(this.values[entry - 1]) === key) {
        ;(found ??= []).push(this.values[entry - 1])
      }
    }
    return found ? found.reverse() : EMPTY
  }

  /** Whether some entry's key has this hashKey (the key itself is not compared: a pre-check for has). */
  hasHash(hash: number): boolean {
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry !== 0; entry = this.next[entry - 1]) {
      if (this.hashes[entry - 1] === hash) {
        return true
      }
    }
    return false
  }

  has(key: K): boolean {
    const hash = hashKey(key)
    for (let entry = this.buckets[hash & (this.buckets.length - 1)]; entry !== 0; entry = this.next[entry - 1]) {
      if (this.hashes[entry - 1] === hash && this.keyOf(this.values[entry - 1]) === key) {
        return true
      }
    }
    return false
  }

  private grow(): void {
    const size = this.values.length * 2
    const copy = (from: Int32Array) => {
      const to = new Int32Array(size)
      to.set(from)
      return to
    }
    this.next = copy(this.next)
    this.hashes = copy(this.hashes)
    this.values = copy(this.values)
  }
}
