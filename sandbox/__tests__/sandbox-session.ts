import { startSandbox, type SandboxHandle, type SandboxOptions } from "../server"

/**
 * A started sandbox plus the few HTTP calls every spec needs (tokens, a user with an
 * imported test-bank connection). Calls go over real HTTP, like the production client.
 */
export const NOW = Date.parse("2026-11-20T10:00:00+01:00")

export interface Session {
  sandbox: SandboxHandle
  call(method: string, path: string, init?: { token?: string; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>
  clientToken(): Promise<string>
  createUser(id?: string, password?: string): Promise<{ id: string; password: string; token: string; refreshToken: string }>
}

export async function openSession(options: SandboxOptions = {}): Promise<Session> {
  const sandbox = await startSandbox({ seed: 7, now: NOW, ...options, settings: { updateDelayMs: 0, ...options.settings } })
  const call: Session["call"] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers }
    if (init.token) headers.Authorization = `Bearer ${init.token}`
    let body: string | undefined
    if (init.json !== undefined) {
      headers["Content-Type"] = "application/json"
      body = JSON.stringify(init.json)
    } else if (init.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      body = new URLSearchParams(init.form).toString()
    }
    const response = await fetch(`${sandbox.url}${path}`, { method, headers, body, redirect: "manual" })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      // HTML pages stay text
    }
    return { status: response.status, body: parsed, headers: response.headers }
  }
  const credentials = { client_id: "sandbox-client", client_secret: "sandbox-secret" }
  const clientToken = async () => (await call("POST", "/api/v2/oauth/token", { form: { grant_type: "client_credentials", ...credentials } })).body.access_token as string
  const createUser: Session["createUser"] = async (id = "shop-1", password = "s3cr3t-Pa55") => {
    const created = await call("POST", "/api/v2/users", { token: await clientToken(), json: { id, password } })
    if (created.status !== 201) throw new Error(`user create failed: ${JSON.stringify(created.body)}`)
    const token = await call("POST", "/api/v2/oauth/token", { form: { grant_type: "password", username: id, password, ...credentials } })
    return { id, password, token: token.body.access_token, refreshToken: token.body.refresh_token }
  }
  return { sandbox, call, clientToken, createUser }
}
