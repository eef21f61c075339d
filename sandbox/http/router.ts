import type { Exchange } from "./exchange"

export type Handler = (ex: Exchange) => void | Promise<void>

export interface Route {
  method: string
  pattern: string
  handler: Handler
}

/** `route("GET", "/api/v2/accounts/:id", handler)`; segments starting with ":" capture. */
export function route(method: string, pattern: string, handler: Handler): Route {
  return { method, pattern, handler }
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split("/").filter(Boolean)
  let pathMatched = false
  for (const candidate of routes) {
    const params = matchPattern(candidate.pattern, segments)
    if (!params) continue
    if (candidate.method === method) return { route: candidate, params }
    pathMatched = true
  }
  return pathMatched ? { methodNotAllowed: true } : null
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split("/").filter(Boolean)
  if (parts.length !== segments.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(":")) params[parts[i].slice(1)] = decodeURIComponent(segments[i])
    else if (parts[i] !== segments[i]) return null
  }
  return params
}
