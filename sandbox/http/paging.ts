import { ApiFailure } from "./exchange"

/** finAPI paging: `page` ≥ 1 (default 1), `perPage` 1..500 (default 20). */
export interface PageRequest {
  page: number
  perPage: number
}

export function readPaging(query: URLSearchParams, defaultPerPage = 20): PageRequest {
  const page = readPositiveInt(query, "page", 1)
  const perPage = readPositiveInt(query, "perPage", defaultPerPage)
  if (perPage > 500) {
    throw new ApiFailure(400, "ILLEGAL_PAGE_SIZE", `perPage must not be greater than 500, but was ${perPage}`)
  }
  return { page, perPage }
}

function readPositiveInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name)
  if (raw === null || raw === "") return fallback
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ApiFailure(400, name === "perPage" ? "ILLEGAL_PAGE_SIZE" : "BAD_REQUEST", `Illegal value for '${name}': ${raw}`)
  }
  return Number(raw)
}

export function pagingJson(request: PageRequest, totalCount: number) {
  return {
    page: request.page,
    perPage: request.perPage,
    pageCount: Math.max(1, Math.ceil(totalCount / request.perPage)),
    totalCount,
  }
}

export function pageOf<T>(items: readonly T[], request: PageRequest): T[] {
  const start = (request.page - 1) * request.perPage
  return items.slice(start, start + request.perPage)
}

/** Array parameters come comma-separated (`ids=1,2`) or repeated (`ids=1&ids=2`); both are accepted. */
export function readIdList(query: URLSearchParams, name: string): number[] | null {
  const values = query.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)
  if (values.length === 0) return null
  return values.map((value) => {
    if (!/^\d+$/.test(value)) throw new ApiFailure(400, "BAD_REQUEST", `Illegal id in '${name}': ${value}`)
    return Number(value)
  })
}

export function readStringList(query: URLSearchParams, name: string): string[] | null {
  const values = query.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)
  return values.length === 0 ? null : values
}
