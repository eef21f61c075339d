/**
 * Seeded pseudo-randomness. Everything the sandbox invents (tokens, web-form ids,
 * generated transactions) comes from here so a seed reproduces a run exactly.
 */

/** FNV-1a over the parts, so `seedFrom(seed, "account", 2001)` is stable across runs. */
export function seedFrom(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5
  for (const char of parts.join("\u0001")) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

export function integerBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** A UUID-shaped id (36 chars, as finAPI's web-form and task ids are). */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("")
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

/** An opaque token string in the style of finAPI's (URL-safe, 64 chars). */
export function tokenFrom(random: () => number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
  return Array.from({ length: 64 }, () => alphabet[Math.floor(random() * 64)]).join("")
}
