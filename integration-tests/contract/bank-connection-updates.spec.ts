import { isFinapiError } from "../../src/modules/bank-reconciliation/finapi"
import { describeLocal } from "./support/contract-target"
import { useConnectedUser, waitUntilReady } from "./support/local-scenarios"

const USER_METADATA = { ipAddress: "203.0.113.7", userAgent: "Contract test" }

describeLocal("finAPI client: updating a bank connection (local sandbox)", () => {
  const fx = useConnectedUser()

  it("runs a background update task to COMPLETED", async () => {
    const task = await fx.observed.client.startBackgroundUpdate(fx.user, { bankConnectionId: fx.connection.id, userMetadata: USER_METADATA })
    expect(["NOT_YET_STARTED", "IN_PROGRESS"]).toContain(task.status)
    const done = await fx.observed.client.waitForTask(fx.user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 })
    expect(done.status).toBe("COMPLETED")
    await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
  })

  it("answers a second update while one runs with a locked error (423) after bounded retries", async () => {
    fx.target.sandbox!.control.settings({ updateDelayMs: 3_000 })
    try {
      const first = await fx.observed.client.startBackgroundUpdate(fx.user, { bankConnectionId: fx.connection.id, userMetadata: USER_METADATA })
      const error = await fx.observed.client.startBackgroundUpdate(fx.user, { bankConnectionId: fx.connection.id, userMetadata: USER_METADATA }).catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: "locked", status: 423, code: "LOCKED" })
      expect(fx.observed.calls.at(-1)?.attempts).toBe(4)
      await fx.observed.client.waitForTask(fx.user, first.id, { pollIntervalMs: 200, timeoutMs: 10_000 })
    } finally {
      fx.target.sandbox!.control.settings({ updateDelayMs: 300 })
    }
    await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
  })

  it("turns an update with an expired consent into WEB_FORM_REQUIRED and renews the consent through that form", async () => {
    fx.target.sandbox!.control.setConsent(fx.connection.id, { expired: true })
    const task = await fx.observed.client.startBackgroundUpdate(fx.user, { bankConnectionId: fx.connection.id, userMetadata: USER_METADATA })
    const error = await fx.observed.client.waitForTask(fx.user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 }).catch((e: unknown) => e)
    expect(isFinapiError(error, "web-form-required")).toBe(true)
    const { webFormId, webFormUrl } = error as { webFormId: string; webFormUrl: string }
    expect(webFormUrl).toContain(webFormId)
    const form = await fx.observed.client.getWebForm(fx.user, webFormId)
    expect(form).toMatchObject({ type: "BANK_CONNECTION_UPDATE", status: "NOT_YET_OPENED" })
    fx.target.sandbox!.control.completeWebForm(webFormId)
    const done = await fx.observed.client.waitForTask(fx.user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 })
    expect(done.status).toBe("COMPLETED")
    const renewed = await waitUntilReady(fx.observed.client, fx.user, fx.connection.id)
    const xs2a = renewed.interfaces.find((i) => i.bankingInterface === "XS2A")
    expect(Date.parse(xs2a?.aisConsent?.expiresAt as string)).toBeGreaterThan(Date.now())
    expect(xs2a?.userActionRequired).toBe(false)
  })
})
