/** Appends to a posting list (key → values), skipping an immediate repeat of the same value. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (!list) {
    map.set(key, [value])
  } else if (list[list.length - 1] !== value) {
    list.push(value)
  }
}
