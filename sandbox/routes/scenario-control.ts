import { ApiFailure, jsonBody, sendJson, type Exchange } from "../http/exchange"
import { route, type Route } from "../http/router"
import type { ControlTransaction, SandboxControl } from "../control"
import type { FaultSpec } from "../faults"
import type { SandboxSettings } from "../state"

/** JSON routes under `/__sandbox/…` over the in-process control (see control.ts). */
const MS = { ms: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const

function numberParam(ex: Exchange, name = "id"): number {
  const value = Number(ex.params[name])
  if (!Number.isInteger(value)) throw new ApiFailure(400, "BAD_REQUEST", `Illegal ${name}`)
  return value
}

export function scenarioControlRoutes(control: SandboxControl): Route[] {
  const reply = (produce: (ex: Exchange, body: Record<string, unknown>) => unknown) => async (ex: Exchange) => {
    const result = await produce(ex, ex.method === "GET" ? {} : jsonBody(ex))
    sendJson(ex, 200, result ?? { ok: true })
  }
  return [
    route("GET", "/__sandbox/state", reply(() => control.dump())),
    route("POST", "/__sandbox/reset", reply((_ex, body) => control.reset(typeof body.seed === "number" ? body.seed : undefined))),
    route("GET", "/__sandbox/clock", reply(() => control.now())),
    route("POST", "/__sandbox/clock/advance", reply((_ex, body) => {
      const ms = Object.entries(MS).reduce((sum, [unit, factor]) => sum + (typeof body[unit] === "number" ? (body[unit] as number) * factor : 0), 0)
      return control.advanceClock(ms)
    })),
    route("GET", "/__sandbox/settings", reply(() => control.settings())),
    route("PATCH", "/__sandbox/settings", reply((_ex, body) => control.settings(body as Partial<SandboxSettings>))),
    route("POST", "/__sandbox/users", reply((_ex, body) => control.createUser(body as { id: string; password: string }))),
    route("POST", "/__sandbox/bankConnections", reply((_ex, body) => control.importBankConnection(body as { userId: string }))),
    route("POST", "/__sandbox/bankConnections/:id/consent", reply((ex, body) => control.setConsent(numberParam(ex), body))),
    route("POST", "/__sandbox/accounts/:id/transactions/generate", reply((ex, body) => control.generateTransactions(numberParam(ex), body as { count: number }))),
    route("POST", "/__sandbox/accounts/:id/transactions", reply((ex, body) => {
      if (!Array.isArray(body.transactions)) throw new ApiFailure(400, "BAD_REQUEST", "Body must be {transactions: [...]}")
      return control.addTransactions(numberParam(ex), body.transactions as ControlTransaction[])
    })),
    route("GET", "/__sandbox/faults", reply(() => control.faults())),
    route("POST", "/__sandbox/faults", reply((_ex, body) => control.injectFault(body as unknown as FaultSpec))),
    route("DELETE", "/__sandbox/faults", reply(() => control.clearFaults())),
    route("POST", "/__sandbox/tokens/expire", reply((_ex, body) => control.expireTokens(typeof body.token === "string" ? body.token : undefined))),
    route("POST", "/__sandbox/webForms/:id/open", reply((ex) => control.openWebForm(ex.params.id))),
    route("POST", "/__sandbox/webForms/:id/complete", reply((ex, body) => control.completeWebForm(ex.params.id, body))),
    route("POST", "/__sandbox/webForms/:id/fail", reply((ex, body) => control.failWebForm(ex.params.id, body.errorCode as string | undefined, (body.errorMessage as string | undefined) ?? null))),
    route("POST", "/__sandbox/webForms/:id/abort", reply((ex) => control.abortWebForm(ex.params.id))),
    route("POST", "/__sandbox/webForms/:id/expire", reply((ex) => control.expireWebForm(ex.params.id))),
    route("GET", "/__sandbox/callbacks", reply(() => control.callbacks())),
    route("DELETE", "/__sandbox/callbacks", reply(() => control.clearCallbacks())),
  ]
}
