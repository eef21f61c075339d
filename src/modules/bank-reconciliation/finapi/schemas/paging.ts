import { z } from "zod"

/** finAPI caps `perPage` at 500 on every paged list. */
export const MAX_PER_PAGE = 500

/** `paging` block of every paged finAPI list (Access and Web Form). */
export const PagingSchema = z.looseObject({
  page: z.number().int().min(1),
  perPage: z.number().int().min(1),
  pageCount: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative(),
})
export type Paging = z.infer<typeof PagingSchema>
