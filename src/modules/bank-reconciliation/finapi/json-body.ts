/**
 * Decoding of finAPI response bodies read as bytes.
 *
 * A page of 500 transactions is > 0.5 MB of JSON. Turned into one string it lands in V8's
 * large-object space (old generation) and stays there until the next full collection; a few hundred
 * pages of them grow the heap by as much. `parseJsonBody` with `splitArray` parses that array's
 * elements one by one from the bytes instead, so every string made is about one element long.
 * The result is the same value `JSON.parse` of the whole body gives.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/**
 * What axios makes of a body by default (text without a BOM, parsed as JSON when it is JSON,
 * otherwise the text itself), with the top-level array `splitArray` of a JSON object parsed element
 * by element.
 */
export function parseJsonBody(body: Buffer, splitArray?: string): unknown {
  if (splitArray) {
    const split = parseWithSplitArray(body, splitArray)
    if (split !== undefined) {
      return split
    }
  }
  let text = body.toString("utf8")
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1)
  }
  if (!text) {
    return text
  }
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * `JSON.parse` of an object body whose top-level `field` is an array, parsing the array's elements
 * one at a time. Undefined when the body is anything else (then the caller parses it whole).
 */
export function parseWithSplitArray(body: Buffer, field: string): Record<string, unknown> | undefined {
  try {
    let start = 0
    if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
      start = 3
    }
    let i = skipSpace(body, start)
    if (body[i] !== OPEN_OBJECT) {
      return undefined
    }
    let array: { from: number; to: number; elements: unknown[] } | undefined
    i = skipSpace(body, i + 1)
    if (body[i] !== CLOSE_OBJECT) {
      for (;;) {
        if (body[i] !== QUOTE) {
          return undefined
        }
        const keyEnd = skipString(body, i)
        const key: unknown = JSON.parse(body.toString("utf8", i, keyEnd))
        i = skipSpace(body, keyEnd)
        if (body[i] !== COLON) {
          return undefined
        }
        i = skipSpace(body, i + 1)
        if (key === field) {
          if (array || body[i] !== OPEN_ARRAY) {
            return undefined
          }
          const from = i
          const elements: unknown[] = []
          i = skipSpace(body, i + 1)
          if (body[i] === CLOSE_ARRAY) {
            i++
          } else {
            for (;;) {
              const elementEnd = skipValue(body, i)
              elements.push(JSON.parse(body.toString("utf8", i, elementEnd)))
              i = skipSpace(body, elementEnd)
              if (body[i] === COMMA) {
                i = skipSpace(body, i + 1)
              } else if (body[i] === CLOSE_ARRAY) {
                i++
                break
              } else {
                return undefined
              }
            }
          }
          array = { from, to: i, elements }
        } else {
          i = skipValue(body, i)
        }
        i = skipSpace(body, i)
        if (body[i] === COMMA) {
          i = skipSpace(body, i + 1)
        } else if (body[i] === CLOSE_OBJECT) {
          break
        } else {
          return undefined
        }
      }
    }
    if (!array || skipSpace(body, i + 1) !== body.length) {
      return undefined
    }
    // everything but the array is small: parse it with an empty array in its place, then put the elements there
    const rest = JSON.parse(body.toString("utf8", start, array.from) + "[]" + body.toString("utf8", array.to))
    rest[field] = array.elements
    return rest
  } catch {
    return undefined
  }
}

function skipSpace(body: Buffer, i: number): number {
  for (;;) {
    const c = body[i]
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      return i
    }
    i++
  }
}

/** Index after the string starting at `i` (a quote). */
function skipString(body: Buffer, i: number): number {
  for (i++; i < body.length; i++) {
    const c = body[i]
    if (c === BACKSLASH) {
      i++
    } else if (c === QUOTE) {
      return i + 1
    }
  }
  throw new SyntaxError("unterminated string")
}

/**
 * Index after the JSON value starting at `i`. Only finds its end (strings, nesting); the value itself
 * is checked by JSON.parse afterwards. UTF-8 never uses bytes below 0x80 inside a multi-byte
 * character, so the ASCII punctuation looked for cannot be part of one.
 */
function skipValue(body: Buffer, i: number): number {
  const first = body[i]
  if (first === QUOTE) {
    return skipString(body, i)
  }
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) {
    // number, true, false, null
    while (i < body.length) {
      const c = body[i]
      if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        break
      }
      i++
    }
    return i
  }
  let depth = 0
  while (i < body.length) {
    const c = body[i]
    if (c === QUOTE) {
      i = skipString(body, i)
      continue
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--
      if (depth === 0) {
        return i + 1
      }
    }
    i++
  }
  throw new SyntaxError("unterminated value")
}
