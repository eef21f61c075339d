/**
 * Serialises `rows` as JSON arrays of at most about `maxChars` characters each (a single longer row
 * goes alone), so a large batch becomes several small strings instead of one large one.
 */
export function* jsonChunks(rows: unknown[], maxChars: number): Generator<string> {
  let parts: string[] = []
  let chars = 0
  for (const row of rows) {
    const json = JSON.stringify(row)
    if (parts.length && chars + json.length + 1 > maxChars) {
      yield `[${parts.join(",")}]`
      parts = []
      chars = 0
    }
    parts.push(json)
    chars += json.length + 1
  }
  if (parts.length) {
    yield `[${parts.join(",")}]`
  }
}
