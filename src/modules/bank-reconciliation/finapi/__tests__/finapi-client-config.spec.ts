import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { FinapiClient } from "../finapi-client"

const valid = {
  accessBaseUrl: "https://sandbox.finapi.io/",
  webFormBaseUrl: "https://webform-sandbox.finapi.io",
  clientId: "id",
  clientSecret: "top-secret-value",
}

describe("FinapiClient configuration", () => {
  let server: Server
  let base: string
  const paths: string[] = []

  beforeAll(async () => {
    // answers every call like finAPI's token endpoint; records the paths asked for
    server = createServer((req, res) => {
      paths.push(req.url ?? "")
      res.setHeader("content-type", "application/json")
      res.end(JSON.stringify({ access_token: "token", token_type: "bearer", expires_in: 3600, scope: "all" }))
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it("calls finAPI's paths under the base URL, with or without a trailing slash", async () => {
    for (const accessBaseUrl of [base, `${base}/`, `${base}//`]) {
      paths.length = 0
      const client = new FinapiClient({ ...valid, accessBaseUrl, retry: { maxAttempts: 1 } })
      // the token request is the first call of any operation
      await client.createUser({ id: "user-1", password: "pw-1" }).catch(() => undefined)
      expect(paths[0]).toBe("/api/v2/oauth/token")
    }
  })

  it("refuses a missing base URL at construction", () => {
    expect(() => new FinapiClient({ ...valid, webFormBaseUrl: "" })).toThrow(/webFormBaseUrl/)
  })

  it("refuses missing client credentials without echoing the secret", () => {
    expect(() => new FinapiClient({ ...valid, clientId: "" })).toThrow(/clientId and clientSecret/)
    try {
      new FinapiClient({ ...valid, clientId: "" })
    } catch (error) {
      expect((error as Error).message).not.toContain(valid.clientSecret)
    }
  })
})
