import { ApiFailure, type Exchange } from "./exchange"

/**
 * Base of handed-out web-form URLs: the configured public URL (for a sandbox behind
 * Docker or a proxy), else the address the caller used to reach the sandbox.
 */
export function baseUrlOf(ex: Exchange): string {
  if (ex.state.settings.publicUrl) return ex.state.settings.publicUrl.replace(/\/+$/, "")
  const host = ex.req.headers.host
  return host ? `http://${host}` : ex.state.publicUrl
}

/**
 * finAPI accepts only HTTPS callback URLs. The sandbox also lets plain HTTP through
 * for loopback hosts, because test servers rarely speak TLS.
 */
export function isAcceptableCallbackUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol === "https:") return true
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]", "host.docker.internal"].includes(url.hostname)
}

/** 400 in the Web Form's ValidationError shape unless the callback URL is acceptable. */
export function requireCallbackUrl(field: string, value: string | null | undefined): void {
  if (value != null && !isAcceptableCallbackUrl(value)) {
    throw new ApiFailure(400, "BAD_REQUEST", `${field} must be an HTTPS URL`, { fields: [{ field, message: "must be a valid HTTPS URL" }] })
  }
}
