import type { UserMetadata } from "./schemas"

/**
 * finAPI wants to know for every background update whether a person is behind it (PSD2 "PSU
 * metadata"; banks limit unattended accesses). A scheduled or pushed import has nobody: no IP
 * address, and a user agent that says so.
 */
export function systemUserMetadata(): UserMetadata {
  return { userAgent: "medusa-plugin-finapi (unattended: scheduled or pushed import)" }
}

/** The operator who clicked "Get data" or "Renew": their IP address and browser, as the request shows them. */
export function operatorUserMetadata(request: { ip?: string; headers: Record<string, string | string[] | undefined> }): UserMetadata {
  const userAgent = request.headers["user-agent"]
  return {
    ...(request.ip ? { ipAddress: request.ip.slice(0, 64) } : {}),
    ...(typeof userAgent === "string" && userAgent ? { userAgent: userAgent.slice(0, 1024) } : {}),
  }
}
