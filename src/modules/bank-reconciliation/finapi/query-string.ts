export type QueryValue = string | number | boolean | null | undefined | Array<string | number>

/** Serialises a query; arrays become repeated keys (finAPI's repeatable `order`), empty values are dropped. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) {
    return ""
  }
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      params.append(key, String(item))
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

/** Joins an id/enum list the way finAPI documents it (comma-separated); empty lists are omitted. */
export function commaList(values: ReadonlyArray<string | number> | undefined): string | undefined {
  return values?.length ? values.join(",") : undefined
}
