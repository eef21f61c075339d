import { FinapiClient } from "../finapi-client"

const valid = {
  accessBaseUrl: "https://sandbox.finapi.io/",
  webFormBaseUrl: "https://webform-sandbox.finapi.io",
  clientId: "id",
  clientSecret: "top-secret-value",
}

describe("FinapiClient configuration", () => {
  it("accepts finAPI's base URLs, with or without a trailing slash", () => {
    expect(() => new FinapiClient(valid)).not.toThrow()
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
