import { isFinapiError } from "../../src/modules/bank-reconciliation/finapi"
import { itLocal, newUserCredentials, observedClient, startTarget, type ContractTarget } from "./support/contract-target"

describe("finAPI client: users and import web forms", () => {
  let target: ContractTarget

  beforeAll(async () => {
    target = await startTarget()
  })
  afterAll(() => target.close())

  it("creates a user, returns the clear password once, and masks it when read back", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    const created = await client.createUser({ id: user.userId, password: user.password, isAutoUpdateEnabled: false })
    expect(created).toMatchObject({ id: user.userId, password: user.password, isAutoUpdateEnabled: false })
    expect((await client.getUser(user)).password).toBe("XXXXX")
  })

  it("reports a taken user id as a conflict (finAPI 422 ENTITY_EXISTS)", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    await expect(client.createUser({ id: user.userId, password: "another-pass" })).rejects.toMatchObject({
      kind: "conflict",
      status: 422,
      code: "ENTITY_EXISTS",
      operation: "createUser",
    })
  })

  it("deletes a user; its credentials are rejected as an auth error afterwards", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    await client.deleteUser(user)
    const error = await client.getUser(user).catch((e: unknown) => e)
    expect(isFinapiError(error, "auth")).toBe(true)
  })

  it("creates a bank connection import web form that is not opened yet", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    const form = await client.createBankConnectionImportWebForm(user, {
      bank: { search: "DEMO0001" },
      accountTypes: ["CHECKING", "SAVINGS"],
      allowedInterfaces: ["XS2A"],
      callbacks: { finalised: "https://shop.example.com/hooks/finapi/web-forms/abc" },
    })
    expect(form).toMatchObject({ type: "BANK_CONNECTION_IMPORT", status: "NOT_YET_OPENED" })
    expect(form.url).toContain(form.id)
    expect(Date.parse(fixOffset(form.expiresAt)) - Date.parse(fixOffset(form.createdAt))).toBe(20 * 60_000)
    expect((await client.getWebForm(user, form.id)).status).toBe("NOT_YET_OPENED")
  })

  // Depends on the mandator licence, so only asserted against the local sandbox (unlicensed by default).
  itLocal("rejects a redirectUrl for an unlicensed mandator with a validation error (422 INVALID_REDIRECT_URL)", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    await expect(
      client.createBankConnectionImportWebForm(user, { redirectUrl: "https://shop.example.com/back" })
    ).rejects.toMatchObject({ kind: "validation", status: 422, code: "INVALID_REDIRECT_URL", envelope: "web-form" })
  })

  itLocal("follows an import web form to COMPLETED and finds the new bank connection in its payload", async () => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    const form = await client.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" } })
    target.sandbox!.control.completeWebForm(form.id)
    const done = await client.getWebForm(user, form.id)
    expect(done.status).toBe("COMPLETED")
    const connection = await client.getBankConnection(user, done.payload?.bankConnectionId as number)
    expect(connection.bank.blz).toBe("DEMO0001")
  })

  itLocal.each([
    ["COMPLETED_WITH_ERROR", (id: string, t: ContractTarget) => t.sandbox!.control.failWebForm(id, "BANK_SERVER_REJECTION")],
    ["ABORTED", (id: string, t: ContractTarget) => t.sandbox!.control.abortWebForm(id)],
    ["EXPIRED", (id: string, t: ContractTarget) => t.sandbox!.control.expireWebForm(id)],
  ])("reads a web form that ended %s", async (status, finish) => {
    const { client } = observedClient(target)
    const user = newUserCredentials()
    await client.createUser({ id: user.userId, password: user.password })
    const form = await client.createBankConnectionImportWebForm(user, {})
    finish(form.id, target)
    const read = await client.getWebForm(user, form.id)
    expect(read.status).toBe(status)
    if (status === "COMPLETED_WITH_ERROR") {
      expect(read.payload?.errorCode).toBe("BANK_SERVER_REJECTION")
    }
  })
})

// Web Form timestamps are `+0100` (no colon); Date.parse needs `+01:00`.
function fixOffset(timestamp: string): string {
  return timestamp.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
}
