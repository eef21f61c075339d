import Medusa from "@medusajs/js-sdk"

/** The Medusa backend ("/" when the admin is served by it). */
export const backendUrl: string = import.meta.env.VITE_BACKEND_URL || "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
