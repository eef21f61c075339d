import { validateAndTransformQuery } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"

/**
 * A list route's query: core's `fields`, `offset`, `limit` and `order` (with the list's default
 * order, e.g. "-created_at"), at most 200 rows a page, plus the list's own filters. Deleted rows
 * are never listed (`with_deleted` is not offered).
 */
export function listParams<T extends z.ZodRawShape>(defaults: { order: string; limit?: number }, filters: T = {} as T) {
  const limit = defaults.limit ?? 50
  return createFindParams({ offset: 0, limit, order: defaults.order })
    .omit({ with_deleted: true })
    .extend({
      limit: z.coerce.number().int().min(1).max(200).default(limit),
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
