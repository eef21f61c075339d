import validateOptionsLoader from "../loaders/validate-options"
import { PluginOptionsSchema } from "../plugin-options"

const valid = {
  finapi: {
    accessUrl: "https://sandbox.finapi.io",
    webFormUrl: "https://webform-sandbox.finapi.io",
    clientId: "id",
    clientSecret: "secret",
  },
  encryptionKey: "ab".repeat(32),
}

function load(options: unknown) {
  return validateOptionsLoader({ options } as never)
}

describe("plugin options", () => {
  it("accepts the minimal options and fills in defaults", async () => {
    await expect(load(valid)).resolves.toBeUndefined()
    const parsed = PluginOptionsSchema.parse(valid)
    expect(parsed.sync).toEqual({ schedule: "0 * * * *", autoBook: false, overlapDays: 2, staleRunSeconds: 3600 })
    expect(parsed.booking).toEqual({ capturableProviders: ["pp_bank-transfer", "pp_system_default"], staleClaimSeconds: 300 })
    expect(parsed.invoiceNumber.source).toBe("display_id")
    expect(parsed.matching.autoThreshold).toBe(0.9)
  })

  it.each([
    [{ ...valid, finapi: { ...valid.finapi, accessUrl: "not a url" } }, /finapi\.accessUrl: .*must be a URL/],
    [{ ...valid, finapi: { ...valid.finapi, clientSecret: "" } }, /finapi\.clientSecret: finapi\.clientSecret is required/],
    [{ ...valid, encryptionKey: "short" }, /encryptionKey: encryptionKey must be 32 bytes/],
    [{ ...valid, sync: { schedule: "hourly" } }, /sync\.schedule: must be a 5-field cron expression/],
    [{ ...valid, matching: { autoThreshold: 1.5 } }, /matching\.autoThreshold/],
    [{ ...valid, matching: { maxSubsetSize: 99 } }, /matching\.maxSubsetSize/],
    [{ ...valid, invoiceNumber: { source: "order_number" } }, /invoiceNumber\.source/],
    [{}, /finapi: /],
  ])("refuses bad options with a message naming the field (%#)", async (options, message) => {
    await expect(load(options)).rejects.toThrow(message)
  })

  it("never echoes the client secret in its error", async () => {
    const options = { ...valid, encryptionKey: "x", finapi: { ...valid.finapi, clientSecret: "TOPSECRET-123" } }
    await expect(load(options)).rejects.toThrow(expect.objectContaining({ message: expect.not.stringContaining("TOPSECRET") }))
  })
})
