import { validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * A list route's query: core's `fields`, `offset`, `limit` and `order` (with the list's default
 * order, e.g. "-created_at"), at most 200 rows a page (or the route's own `max`), plus the list's own filters. Deleted rows
 * are never listed (`with_deleted` is not offered).
 */
export function listParams<T extends z.ZodRawShape>(defaults: { order?: string; limit?: number; max?: number }, filters: T = {} as T) {
  const limit = defaults.limit ?? 50
  return createFindParams({ offset: 0, limit, order: defaults.order })
    .omit({ with_deleted: true })
    .extend({
      limit: z.coerce.number().int().min(1).max(defaults.max ?? 200).default(limit),
      offset: z.coerce.number().int().min(0).default(0),
      ...filters,
    })
}

/**
 * Core's query config for a list route: `?fields=` picks among `fields` (the list's columns; nothing
 * else, so never a secret) and `?order=` sorts by one of them. The route reads `req.queryConfig`.
 */
export const listQuery = (schema: Parameters<typeof validateAndTransformQuery>[0], fields: string[]) =>
  validateAndTransformQuery(schema, { isList: true, defaults: fields, allowed: fields })

type QueryConfig = { fields: string[]; pagination: { skip?: number; take?: number; order?: Record<string, string> } }

/**
 * `req.queryConfig` for query.graph: at least the id when every asked-for field was refused, and the
 * id as the last sort key so that rows with the same sort value keep their place between pages.
 */
export function graphList(config: QueryConfig) {
  const order = config.pagination.order ?? {}
  const direction = Object.values(order)[0] ?? "ASC"
  return {
    fields: config.fields.length ? config.fields : ["id"],
    pagination: { ...config.pagination, order: "id" in order ? order : { ...order, id: direction } },
  }
}

/** The list response's paging: what the query counted and the page asked for. */
export const page = (metadata: { count?: number; skip?: number; take?: number } | undefined, rows: unknown[]) => ({
  count: metadata?.count ?? rows.length,
  offset: metadata?.skip ?? 0,
  limit: metadata?.take ?? rows.length,
})

/**
 * A computed list's rows cut to the asked-for `fields` (the keys of its rows, `a.b` for a key of a
 * nested object); `req.queryConfig.fields` of a route whose allowed fields are its rows' keys. When
 * every asked-for field was refused, the row's key alone. Not Medusa's `pickDeep`: for `a.b` it drops
 * `a` when `a` is null (a booking's `transaction`), where the response types and query.graph keep
 * `a: null`, and it returns an empty row for no fields.
 */
export function pickFields<T extends object>(rows: T[], fields: string[], key = "id"): Record<string, unknown>[] {
  const asked = fields.length ? fields : [key]
  return (rows as Record<string, unknown>[]).map((row) => {
    const picked: Record<string, unknown> = {}
    for (const field of asked) {
      const [head, ...rest] = field.split(".")
      if (!(head in row)) {
        continue
      }
      const value = row[head]
      if (!rest.length || value === null || typeof value !== "object") {
        picked[head] = value
        continue
      }
      const nested = (picked[head] ?? {}) as Record<string, unknown>
      Object.assign(nested, pickFields([value as Record<string, unknown>], [rest.join(".")])[0])
      picked[head] = nested
    }
    return picked
  })
}

/** The single sort key and direction of `req.queryConfig.pagination.order`, or the fallback. */
export function sortKey(config: QueryConfig, fallback: [string, "ASC" | "DESC"]): [string, "ASC" | "DESC"] {
  const [entry] = Object.entries(config.pagination.order ?? {})
  return entry ? [entry[0], String(entry[1]).toUpperCase() === "DESC" ? "DESC" : "ASC"] : fallback
}
