import type { ApiArea } from "./http/exchange"

/**
 * Scenario-control fault injection (not a finAPI feature): the next `count` calls
 * that match get a 429 with Retry-After, a 500, a 423, extra latency, a dropped
 * connection, or an expired token. Faults are consumed in the order they were added.
 */
export type FaultKind = "rate_limit" | "server_error" | "locked" | "latency" | "drop" | "expired_token"

export interface FaultSpec {
  kind: FaultKind
  count?: number
  /** Starts with "/": path prefix; otherwise a substring of the path. Default: all API calls. */
  path?: string
  method?: string
  retryAfterSeconds?: number
  latencyMs?: number
}

export interface Fault extends Required<Pick<FaultSpec, "kind">> {
  id: number
  remaining: number
  path: string | null
  method: string | null
  retryAfterSeconds: number
  latencyMs: number
}

const ALIASES: Record<string, FaultKind> = { "429": "rate_limit", "500": "server_error", "423": "locked", timeout: "latency", dropped_connection: "drop", destroy: "drop" }
const KINDS: readonly FaultKind[] = ["rate_limit", "server_error", "locked", "latency", "drop", "expired_token"]

export function normalizeFaultKind(kind: unknown): FaultKind | null {
  const text = String(kind)
  const resolved = ALIASES[text] ?? text
  return (KINDS as readonly string[]).includes(resolved) ? (resolved as FaultKind) : null
}

export class FaultPlan {
  private faults: Fault[] = []
  private nextId = 1

  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      id: this.nextId++,
      kind: spec.kind,
      remaining: Math.max(1, Math.floor(spec.count ?? 1)),
      path: spec.path ?? null,
      method: spec.method?.toUpperCase() ?? null,
      retryAfterSeconds: spec.retryAfterSeconds ?? 1,
      latencyMs: spec.latencyMs ?? 1_000,
    }
    this.faults.push(fault)
    return fault
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }))
  }

  clear(): void {
    this.faults = []
  }

  /** The first pending fault for this call, with one use consumed; control calls are never faulted. */
  take(area: ApiArea, method: string, path: string): Fault | null {
    if (area === "control") return null
    const fault = this.faults.find((f) => matches(f, area, method, path))
    if (!fault) return null
    fault.remaining--
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault)
    return { ...fault }
  }
}

function matches(fault: Fault, area: ApiArea, method: string, path: string): boolean {
  if (fault.method && fault.method !== method) return false
  if (fault.path === null) return area === "access" || area === "webform"
  return fault.path.startsWith("/") ? path.startsWith(fault.path) : path.includes(fault.path)
}
