/**
 * Postgres text and jsonb cannot hold U+0000, which a bank may still send in a purpose or a name.
 * It is stored (and so shown) as the visible "␀" (U+2400, SYMBOL FOR NULL); every other character
 * is kept as the bank sent it.
 */
export const NUL_SHOWN_AS = "\u2400"

export function storableText<T extends string | null | undefined>(value: T): T {
  return (typeof value === "string" && value.includes("\u0000") ? value.replace(/\u0000/g, NUL_SHOWN_AS) : value) as T
}

/** storableText applied to every string (and key) inside a JSON value. */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return storableText(value) as T
  if (Array.isArray(value)) return value.map(storableJson) as T
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableJson(item)])) as T
  }
  return value
}
