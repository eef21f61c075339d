import type { BankConnection, FinapiUserCredentials } from "../../src/modules/bank-reconciliation/finapi"
import { isFinapiError } from "../../src/modules/bank-reconciliation/finapi"
import { describeLocal, newUserCredentials, observedClient, startTarget, type ContractTarget, type ObservedClient } from "./support/contract-target"
import { userWithConnection, waitUntilReady } from "./support/local-scenarios"

describeLocal("finAPI client: updating a bank connection (local sandbox)", () => {
  let target: ContractTarget
  let observed: ObservedClient
  let user: FinapiUserCredentials
  let connection: BankConnection

  beforeAll(async () => {
    target = await startTarget()
    observed = observedClient(target)
    user = newUserCredentials()
    connection = await userWithConnection(target.sandbox!, observed.client, user)
  })
  afterAll(() => target.close())

  it("runs a background update task to COMPLETED", async () => {
    const task = await observed.client.startBackgroundUpdate(user, { bankConnectionId: connection.id })
    expect(["NOT_YET_STARTED", "IN_PROGRESS"]).toContain(task.status)
    const done = await observed.client.waitForTask(user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 })
    expect(done.status).toBe("COMPLETED")
    await waitUntilReady(observed.client, user, connection.id)
  })

  it("answers a second update while one runs with a locked error (423) after bounded retries", async () => {
    target.sandbox!.control.settings({ updateDelayMs: 3_000 })
    try {
      const first = await observed.client.startBackgroundUpdate(user, { bankConnectionId: connection.id })
      const error = await observed.client.startBackgroundUpdate(user, { bankConnectionId: connection.id }).catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: "locked", status: 423, code: "LOCKED" })
      expect(observed.calls.at(-1)?.attempts).toBe(4)
      await observed.client.waitForTask(user, first.id, { pollIntervalMs: 200, timeoutMs: 10_000 })
    } finally {
      target.sandbox!.control.settings({ updateDelayMs: 300 })
    }
    await waitUntilReady(observed.client, user, connection.id)
  })

  it("turns an update with an expired consent into WEB_FORM_REQUIRED and renews the consent through that form", async () => {
    target.sandbox!.control.setConsent(connection.id, { expired: true })
    const task = await observed.client.startBackgroundUpdate(user, { bankConnectionId: connection.id })
    const error = await observed.client.waitForTask(user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 }).catch((e: unknown) => e)
    expect(isFinapiError(error, "web-form-required")).toBe(true)
    const { webFormId, webFormUrl } = error as { webFormId: string; webFormUrl: string }
    expect(webFormUrl).toContain(webFormId)
    const form = await observed.client.getWebForm(user, webFormId)
    expect(form).toMatchObject({ type: "BANK_CONNECTION_UPDATE", status: "NOT_YET_OPENED" })
    target.sandbox!.control.completeWebForm(webFormId)
    const done = await observed.client.waitForTask(user, task.id, { pollIntervalMs: 100, timeoutMs: 10_000 })
    expect(done.status).toBe("COMPLETED")
    const renewed = await waitUntilReady(observed.client, user, connection.id)
    const xs2a = renewed.interfaces.find((i) => i.bankingInterface === "XS2A")
    expect(Date.parse(xs2a?.aisConsent?.expiresAt as string)).toBeGreaterThan(Date.now())
    expect(xs2a?.userActionRequired).toBe(false)
  })

  it("creates a web form to re-authorise a bank connection (deprecated bankConnectionUpdate endpoint)", async () => {
    target.sandbox!.control.setConsent(connection.id, { expired: true })
    const form = await observed.client.createBankConnectionUpdateWebForm(user, {
      bank: { bankConnectionId: connection.id },
      callbacks: { finalised: "https://shop.example.com/hooks/finapi/web-forms/renew-1" },
    })
    expect(form).toMatchObject({ type: "BANK_CONNECTION_UPDATE", status: "NOT_YET_OPENED" })
    target.sandbox!.control.completeWebForm(form.id)
    expect((await observed.client.getWebForm(user, form.id)).status).toBe("COMPLETED")
    const renewed = await waitUntilReady(observed.client, user, connection.id)
    const xs2a = renewed.interfaces.find((i) => i.bankingInterface === "XS2A")
    expect(Date.parse(xs2a?.aisConsent?.expiresAt as string)).toBeGreaterThan(Date.now())
  })
})
