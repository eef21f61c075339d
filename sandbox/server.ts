import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { randomUUID } from "node:crypto"
import { SandboxClock } from "./clock"
import { SandboxState, type SandboxSettings } from "./state"
import { FaultPlan, type Fault } from "./faults"
import { createControl, type SandboxControl } from "./control"
import { loadStateFile, saveStateFile } from "./state-file"
import type { SeededTransaction } from "./data/seeded-transactions"
import { tick } from "./ticker"
import { expireToken } from "./tokens"
import { ApiFailure, areaOf, type Exchange } from "./http/exchange"
import { renderFailure } from "./http/render-failure"
import { matchRoute, type Route } from "./http/router"
import { apiRoutes } from "./routes"
import { scenarioControlRoutes } from "./routes/scenario-control"
import { webFormPageRoutes } from "./routes/web-form-pages"
import { webFormLoaderRoutes } from "./routes/web-form-loader"

export interface SandboxOptions {
  port?: number
  host?: string
  seed?: number
  clientId?: string
  clientSecret?: string
  /** Start of the sandbox clock (ms or Date); it then runs in real time and can be advanced. */
  now?: number | Date
  settings?: Partial<SandboxSettings>
  /** Extra rows for the Girokonto's starting statement (see SandboxState.extraStatement). */
  statement?: SeededTransaction[]
  /** Keeps the state in this file across restarts (loaded at start, saved every 2 s and on close). */
  stateFile?: string
}

export interface SandboxHandle {
  url: string
  port: number
  /** true when the state came from `stateFile` */
  restored: boolean
  close(): Promise<void>
  control: SandboxControl
}

/**
 * Starts the finAPI sandbox: Access API v2 (`/api/v2/…`), Web Form 2.0 (`/api/webForms`,
 * `/api/tasks`), the web form pages (`/wf/{id}`) and scenario control (`/__sandbox/…`),
 * all on one port, in memory, reproducible from `seed`.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const start = options.now instanceof Date ? options.now.getTime() : options.now
  const settings: SandboxSettings = {
    clientId: options.clientId ?? "sandbox-client",
    clientSecret: options.clientSecret ?? "sandbox-secret",
    userAccessTokensValidityPeriod: 3600,
    clientAccessTokensValidityPeriod: 3600,
    refreshTokensValidityPeriod: 0,
    updateDelayMs: 300,
    licensed: false,
    credentialsLicence: false,
    webFormLifetimeMs: 20 * 60_000,
    userNotificationCallbackUrl: null,
    publicUrl: null,
    ...options.settings,
  }
  const state = new SandboxState(options.seed ?? 42, new SandboxClock(start), settings, "")
  state.extraStatement = options.statement ?? []
  const restored = options.stateFile ? loadStateFile(state, options.stateFile) : false
  const faults = new FaultPlan()
  const control = createControl(state, faults)
  const routes: Route[] = [...apiRoutes, ...webFormPageRoutes, ...webFormLoaderRoutes, ...scenarioControlRoutes(control)]
  const server = createServer((req, res) => void handle(req, res, state, faults, routes))
  const sockets = new Set<import("node:net").Socket>()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve)
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${options.host && options.host !== "0.0.0.0" ? options.host : "localhost"}:${port}`
  state.publicUrl = url
  const timer = setInterval(() => tick(state), 200)
  timer.unref()
  const save = () => options.stateFile && saveStateFile(state, options.stateFile)
  const saver = options.stateFile ? setInterval(save, 2000) : null
  saver?.unref()
  return {
    url,
    port,
    control,
    restored,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer)
        if (saver) clearInterval(saver)
        save()
        sockets.forEach((s) => s.destroy())
        server.close(() => resolve())
      }),
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, state: SandboxState, faults: FaultPlan, routes: Route[]): Promise<void> {
  const requestId = headerValue(req, "x-request-id") ?? `selfgen-${randomUUID()}`
  res.setHeader("X-Request-Id", requestId)
  const parsed = new URL(req.url ?? "/", "http://sandbox")
  const override = headerValue(req, "x-http-method-override")?.toUpperCase()
  const method = req.method === "POST" && (override === "PATCH" || override === "DELETE") ? override : (req.method ?? "GET")
  const ex: Exchange = { req, res, state, method, path: parsed.pathname, query: parsed.searchParams, params: {}, requestId, area: areaOf(parsed.pathname), rawBody: "", auth: null }
  try {
    ex.rawBody = await readBody(req)
    if (requestId.length > 255) throw new ApiFailure(400, "BAD_REQUEST", "X-Request-Id must not be longer than 255 characters")
    tick(state)
    const fault = faults.take(ex.area, method, ex.path)
    if (fault && (await applyFault(ex, fault)) === "handled") return
    const match = matchRoute(routes, method, ex.path)
    if (!match) throw new ApiFailure(404, "UNKNOWN_ENTITY", `No endpoint ${method} ${ex.path}`)
    if ("methodNotAllowed" in match) throw new ApiFailure(405, "METHOD_NOT_ALLOWED", `Method ${method} is not allowed on ${ex.path}`)
    ex.params = match.params
    await match.route.handler(ex)
  } catch (error) {
    if (res.headersSent) return
    if (error instanceof ApiFailure) return renderFailure(ex, error)
    console.error("[sandbox] unexpected error", error)
    renderFailure(ex, new ApiFailure(500, "UNEXPECTED_ERROR", error instanceof Error ? error.message : String(error)))
  }
}

/** Applies an injected fault; latency and expired tokens let the call continue normally afterwards. */
async function applyFault(ex: Exchange, fault: Fault): Promise<"handled" | "continue"> {
  switch (fault.kind) {
    case "latency":
      await new Promise((resolve) => setTimeout(resolve, fault.latencyMs))
      return "continue"
    case "drop":
      ex.req.socket.destroy()
      return "handled"
    case "expired_token": {
      const token = /^Bearer\s+(.+)$/i.exec(ex.req.headers.authorization ?? "")?.[1]?.trim()
      if (token) expireToken(ex.state, token)
      return "continue"
    }
    case "rate_limit":
      throw new ApiFailure(429, "TOO_MANY_REQUESTS", "Too many requests (sandbox fault injection)", { headers: { "Retry-After": String(fault.retryAfterSeconds) }, errorType: "TECHNICAL" })
    case "locked":
      throw new ApiFailure(423, "LOCKED", "The resource is locked by another operation (sandbox fault injection)")
    case "server_error":
      throw new ApiFailure(500, "UNEXPECTED_ERROR", "An unexpected error occurred (sandbox fault injection)")
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

