import { randomBytes } from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../__fixtures__/admin-user"
import { useFinapiSandbox } from "../__fixtures__/finapi-sandbox"
import { captureOutput } from "../__fixtures__/capture-output"
import { linkTestBankThroughAdmin } from "../__fixtures__/linked-test-bank"
import { legacyEnvelope } from "../__fixtures__/legacy-envelope"
import { TEST_ENCRYPTION_KEY } from "../__fixtures__/plugin-options"
import { encryptSecret, envelopeKeyId, keyId, parseEncryptionKey } from "../../src/modules/bank-reconciliation/secret-box"
import reencryptSecrets from "../../src/scripts/reencrypt-secrets"
import followBankWebFormsJob, { config as followBankWebFormsConfig } from "../../src/jobs/follow-bank-web-forms"
import { checkBankConsentsWorkflow } from "../../src/workflows/online-banking/check-bank-consents"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"

jest.setTimeout(300_000)

const sandbox = useFinapiSandbox()
const BASE = "/admin/bank-reconciliation"
const PASSWORD = "Operator-Chosen-Pw-4711"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const output = captureOutput()

    beforeEach(async () => {
      headers = (await createAdminUser(getContainer())).headers
    })

    const post = (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, { headers }).catch((e) => e.response)
    const get = (path: string) => api.get(`${BASE}${path}`, { headers }).catch((e) => e.response)
    const del = (path: string) => api.delete(`${BASE}${path}`, { headers }).catch((e) => e.response)

    async function connectedInterface(password: string | undefined = PASSWORD) {
      const created = await post("/interfaces", { name: "Hausbank", description: "Main account" })
      const connected = await post(`/interfaces/${created.data.interface.id}/connect`, password ? { password } : {})
      expect(connected.status).toBe(200)
      return connected.data.interface
    }

    /** Opens a web form for the interface; returns the pending connection and the sandbox form id. */
    async function openWebForm(interfaceId: string, label = "Sparkasse") {
      const started = await post(`/interfaces/${interfaceId}/web-forms`, { label })
      expect(started.status).toBe(201)
      return started.data.bank_connection
    }

    /** Delivers finAPI's web-form callback (recorded by the sandbox) to the test server. */
    async function replayCallback() {
      await sandbox.current.control.callbacksSettled()
      const [delivery] = sandbox.current.control.callbacks()
      const path = new URL(delivery.url).pathname
      return api.post(path, delivery.body).catch((e) => e.response)
    }

    it("answers 401 on every admin route without a token", async () => {
      for (const path of ["/interfaces", "/interfaces/bint_1/log", "/accounts", "/bank-connections/bcon_1"]) {
        const res = await api.get(`${BASE}${path}`).catch((e) => e.response)
        expect(res.status).toBe(401)
      }
      const res = await api.post(`${BASE}/interfaces`, { name: "x" }).catch((e) => e.response)
      expect(res.status).toBe(401)
    })

    it("creates, edits, lists and deletes an interface; bad bodies get 400 naming the field", async () => {
      const bad = await post("/interfaces", { name: "" })
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/name/)
      const wrongType = await post("/interfaces", { name: 42 })
      expect(wrongType.status).toBe(400)
      expect(wrongType.data.message).toMatch(/name/)

      const created = await post("/interfaces", { name: "Hausbank" })
      expect(created.status).toBe(201)
      expect(created.data.interface).toMatchObject({ name: "Hausbank", status: "not_connected" })
      const id = created.data.interface.id
      const edited = await post(`/interfaces/${id}`, { description: "Sparkasse Köln" })
      expect(edited.data.interface.description).toBe("Sparkasse Köln")
      const list = await get("/interfaces")
      expect(list.data).toMatchObject({ count: 1, interfaces: [{ id, name: "Hausbank" }] })
      expect((await del(`/interfaces/${id}`)).data.deleted).toBe(true)
      expect((await get(`/interfaces/${id}`)).status).toBe(404)
    })

    it("connects to finAPI: creates the user once, stores the password encrypted, logs every call", async () => {
      const bankInterface = await connectedInterface()
      expect(bankInterface.status).toBe("connected")
      expect(bankInterface.finapi_user_id).toBeTruthy()
      expect(bankInterface).not.toHaveProperty("encrypted_password")
      const again = await post(`/interfaces/${bankInterface.id}/connect`, {})
      expect(again.data.interface).toMatchObject({ status: "connected", finapi_user_id: bankInterface.finapi_user_id })

      const log = await get(`/interfaces/${bankInterface.id}/log`)
      const operations = log.data.log.map((entry: { operation: string }) => entry.operation)
      expect(operations).toEqual(expect.arrayContaining(["createUser", "getUser"]))
      expect(log.data.log.every((entry: { request_id: string; outcome: string }) => entry.request_id && entry.outcome === "ok")).toBe(true)
    })

    it("generates a strong password when the operator leaves it empty", async () => {
      const bankInterface = await connectedInterface(undefined)
      expect(bankInterface.status).toBe("connected")
    })

    it("a mistyped password fails that attempt only: the working interface keeps importing with the stored login", async () => {
      const { bankInterface, giro } = await linkTestBankThroughAdmin(api, headers, sandbox.current, PASSWORD)
      const wrong = await post(`/interfaces/${bankInterface.id}/connect`, { password: "not-the-password" })
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toMatch(/finAPI rejected the credentials/)
      const log = (await get(`/interfaces/${bankInterface.id}/log`)).data.log
      expect(log[0]).toMatchObject({ operation: "getUserToken", outcome: "error", http_status: 400 })
      const shown = await get(`/interfaces/${bankInterface.id}`)
      expect(shown.data.interface).toMatchObject({ status: "connected", last_error: null })
      const imported = await post("/transactions/import", { account_id: giro.id })
      expect(imported.data.sync_run).toMatchObject({ status: "succeeded" })
      const retried = await post(`/interfaces/${bankInterface.id}/connect`, {})
      expect(retried.data.interface).toMatchObject({ status: "connected", last_error: null })
    })

    it("marks the interface unusable when finAPI refuses the stored password", async () => {
      const bankInterface = await connectedInterface()
      const service = getContainer().resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      await service.updateBankInterfaces({ id: bankInterface.id, encrypted_password: await service.sealSecret("changed-elsewhere") })
      const refused = await post(`/interfaces/${bankInterface.id}/connect`, {})
      expect(refused.status).toBe(400)
      const shown = await get(`/interfaces/${bankInterface.id}`)
      expect(shown.data.interface.status).toBe("error")
      expect(shown.data.interface.last_error).toMatch(/rejected the credentials/)
      const fixed = await post(`/interfaces/${bankInterface.id}/connect`, { password: PASSWORD })
      expect(fixed.data.interface).toMatchObject({ status: "connected", last_error: null })
    })

    it("key rotation: old envelopes still open, the re-encrypt command re-seals them, a wrong key is a 400 naming the interface", async () => {
      const { bankInterface, giro } = await linkTestBankThroughAdmin(api, headers, sandbox.current, PASSWORD)
      const service = getContainer().resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const storedEnvelope = async () =>
        (await service.retrieveBankInterface(bankInterface.id, { select: ["encrypted_password"] })).encrypted_password!
      expect(envelopeKeyId(await storedEnvelope())).toBe(keyId(parseEncryptionKey(TEST_ENCRYPTION_KEY)))

      await service.updateBankInterfaces({ id: bankInterface.id, encrypted_password: legacyEnvelope(PASSWORD, parseEncryptionKey(TEST_ENCRYPTION_KEY)) })
      expect((await post("/transactions/import", { account_id: giro.id })).data.sync_run.status).toBe("succeeded")
      const rotated = await reencryptSecrets({ container: getContainer(), args: [] } as unknown as Parameters<typeof reencryptSecrets>[0])
      expect(rotated).toMatchObject({ reencrypted: [bankInterface.id], failed: [] })
      expect(envelopeKeyId(await storedEnvelope())).toBe(keyId(parseEncryptionKey(TEST_ENCRYPTION_KEY)))
      expect((await post(`/interfaces/${bankInterface.id}/connect`, {})).status).toBe(200)

      await service.updateBankInterfaces({ id: bankInterface.id, encrypted_password: encryptSecret(PASSWORD, randomBytes(32)) })
      const refused = await post(`/interfaces/${bankInterface.id}/connect`, {})
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(
        new RegExp(`The finAPI password of interface "Hausbank" \\(${bankInterface.id}\\) cannot be opened: it was encrypted with key \\w+, which is not among the configured encryptionKey.*Add the key`)
      )
      expect(refused.data.message).not.toContain(TEST_ENCRYPTION_KEY)
      const importRun = await post("/transactions/import", { account_id: giro.id })
      expect(importRun.status).toBeLessThan(500)
      expect((await get(`/interfaces/${bankInterface.id}`)).data.interface.status).toBe("connected")
      await expect(reencryptSecrets({ container: getContainer(), args: [] } as unknown as Parameters<typeof reencryptSecrets>[0])).rejects.toThrow(/1 stored secret/)
    })

    it("says finAPI is unreachable while it answers 500, and connects once it is back", async () => {
      const created = await post("/interfaces", { name: "Hausbank" })
      sandbox.current.control.injectFault({ kind: "server_error", count: 50 })
      const down = await post(`/interfaces/${created.data.interface.id}/connect`, { password: PASSWORD })
      expect(down.status).toBe(500)
      expect(down.data.message).toMatch(/finAPI is not reachable right now/)
      expect((await get(`/interfaces/${created.data.interface.id}`)).data.interface.status).toBe("error")
      const failedCalls = (await get(`/interfaces/${created.data.interface.id}/log`)).data.log
      expect(failedCalls[0]).toMatchObject({ outcome: "error", http_status: 500 })

      sandbox.current.control.clearFaults()
      const back = await post(`/interfaces/${created.data.interface.id}/connect`, { password: PASSWORD })
      expect(back.data.interface.status).toBe("connected")
    })

    it("links a bank through the web form and its callback: connection, consent and accounts appear", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      expect(pending).toMatchObject({ status: "pending", web_form_status: "NOT_YET_OPENED" })
      expect(pending.web_form_url).toContain(sandbox.current.url)
      expect(pending).not.toHaveProperty("web_form_token_hash")

      sandbox.current.control.completeWebForm(pending.web_form_id, { savePin: true })
      const callback = await replayCallback()
      expect(callback.status).toBe(200)

      const { data } = await get(`/bank-connections/${pending.id}`)
      expect(data.bank_connection).toMatchObject({
        status: "active",
        web_form_status: "COMPLETED",
        bank_name: "finAPI Test Bank",
        secrets_stored: true,
        user_action_required: false,
      })
      const days = (Date.parse(data.bank_connection.consent_expires_at) - Date.now()) / 86_400_000
      expect(days).toBeGreaterThan(178)
      expect(data.bank_connection.accounts.length).toBeGreaterThanOrEqual(2)
      expect(data.bank_connection.accounts[0]).toMatchObject({ import_enabled: true, currency_code: "EUR" })
      expect(data.bank_connection.accounts[0].iban).toMatch(/^DE\d{20}$/)

      // the operator switches one account off
      const accountId = data.bank_connection.accounts[0].id
      const switched = await post(`/accounts/${accountId}`, { import_enabled: false })
      expect(switched.data.account.import_enabled).toBe(false)
      expect((await post(`/accounts/${accountId}`, { import_enabled: "no" })).data.message).toMatch(/import_enabled/)
      // "Refresh list" re-reads finAPI without touching the switch or duplicating anything
      const refreshed = await post(`/interfaces/${bankInterface.id}/bank-connections/refresh`)
      expect(refreshed.data.bank_connections).toHaveLength(1)
      expect(refreshed.data.bank_connections[0].accounts).toHaveLength(data.bank_connection.accounts.length)
      const listed = await get(`/accounts?interface_id=${bankInterface.id}`)
      expect(listed.data.accounts.find((a: { id: string }) => a.id === accountId).import_enabled).toBe(false)
    })

    it("rejects a callback with a wrong token and starts nothing", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id)
      await sandbox.current.control.callbacksSettled()
      const forged = await api.post(`/hooks/finapi/web-forms/${pending.id}.forged-secret`, {}).catch((e) => e.response)
      expect(forged.status).toBe(404)
      const noDot = await api.post(`/hooks/finapi/web-forms/${pending.id}`, {}).catch((e) => e.response)
      expect(noDot.status).toBe(404)
      expect((await get(`/bank-connections/${pending.id}`)).data.bank_connection.status).toBe("pending")
    })

    it("follows the web form by polling when no callback arrives", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      const early = await post(`/bank-connections/${pending.id}/refresh`)
      expect(early.data.bank_connection.status).toBe("pending")
      sandbox.current.control.completeWebForm(pending.web_form_id, { savePin: false })
      const done = await post(`/bank-connections/${pending.id}/refresh`)
      expect(done.data.bank_connection).toMatchObject({ status: "active", secrets_stored: false })
    })

    it("the minute job follows open web forms when finAPI's callback never arrives", async () => {
      expect(followBankWebFormsConfig.schedule).toEqual({ cron: "* * * * *", concurrency: "forbid" })
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id)
      await followBankWebFormsJob(getContainer())
      expect((await get(`/bank-connections/${pending.id}`)).data.bank_connection.status).toBe("active")
    })

    it.each([
      ["aborted", (id: string) => sandbox.current.control.abortWebForm(id), /cancelled/],
      ["expired", (id: string) => sandbox.current.control.expireWebForm(id), /expired/],
      ["failed on wrong bank credentials", (id: string) => sandbox.current.control.failWebForm(id), /bank rejected the login/],
    ])("shows why a web form that was %s did not link a bank", async (_, finish, reason) => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      finish(pending.web_form_id)
      const { data } = await post(`/bank-connections/${pending.id}/refresh`)
      expect(data.bank_connection.status).toBe("failed")
      expect(data.bank_connection.last_error).toMatch(reason)
      expect(data.bank_connection.accounts).toHaveLength(0)
    })

    it("does not link the same bank login twice", async () => {
      const bankInterface = await connectedInterface()
      const first = await openWebForm(bankInterface.id, "Hausbank")
      sandbox.current.control.completeWebForm(first.web_form_id)
      await post(`/bank-connections/${first.id}/refresh`)
      const second = await openWebForm(bankInterface.id, "Hausbank again")
      sandbox.current.control.completeWebForm(second.web_form_id)
      const { data } = await post(`/bank-connections/${second.id}/refresh`)
      expect(data.bank_connection.status).toBe("failed")
      expect(data.bank_connection.last_error).toMatch(/already linked/)
      const list = await get(`/interfaces/${bankInterface.id}/bank-connections`)
      expect(list.data.bank_connections.filter((c: { status: string }) => c.status === "active")).toHaveLength(1)
    })

    it("flags consents that expire within 14 days, have expired or need the user; Renew brings the form", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id, { savePin: false })
      const linked = (await post(`/bank-connections/${pending.id}/refresh`)).data.bank_connection
      const finapiId = Number(linked.finapi_bank_connection_id)

      sandbox.current.control.setConsent(finapiId, { expiresAt: new Date(Date.now() + 10 * 86_400_000).toISOString() })
      const { result } = await checkBankConsentsWorkflow(getContainer()).run({ input: {} })
      expect(result.consent_expiring).toBe(1)
      expect((await get(`/bank-connections/${pending.id}`)).data.bank_connection.status).toBe("consent_expiring")

      sandbox.current.control.setConsent(finapiId, { expired: true, userActionRequired: true })
      await checkBankConsentsWorkflow(getContainer()).run({ input: {} })
      expect((await get(`/bank-connections/${pending.id}`)).data.bank_connection.status).toBe("user_action_required")

      // without a saved PIN finAPI needs the person again: Renew hands out that web form
      const renewal = await post(`/bank-connections/${pending.id}/renew`)
      expect(renewal.status).toBe(200)
      expect(renewal.data.renewal.outcome).toBe("web_form_required")
      expect(renewal.data.renewal.web_form_url).toContain(sandbox.current.url)
      const formId = renewal.data.bank_connection.web_form_id
      sandbox.current.control.completeWebForm(formId, { savePin: true })
      const renewed = await post(`/bank-connections/${pending.id}/refresh`)
      expect(renewed.data.bank_connection).toMatchObject({ status: "active", user_action_required: false, secrets_stored: true })
    })

    it("disconnects: deletes the connection at finAPI, keeps the data, stops importing", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id)
      const linked = (await post(`/bank-connections/${pending.id}/refresh`)).data.bank_connection
      const gone = await del(`/bank-connections/${pending.id}`)
      expect(gone.data.bank_connection.status).toBe("disconnected")
      expect(gone.data.bank_connection.accounts.every((a: { import_enabled: boolean }) => !a.import_enabled)).toBe(true)
      expect(gone.data.bank_connection.accounts).toHaveLength(linked.accounts.length)
      const atFinapi = sandbox.current.control.dump() as { bankConnections: { id: number }[] }
      expect(atFinapi.bankConnections.map((c) => c.id)).not.toContain(Number(linked.finapi_bank_connection_id))
      // a second disconnect is harmless
      expect((await del(`/bank-connections/${pending.id}`)).status).toBe(200)
    })

    it("after a disconnect shows no PIN or consent; linking the same bank again reuses its accounts (same IBAN), and the old connection can be removed", async () => {
      const bankInterface = await connectedInterface()
      const first = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(first.web_form_id, { savePin: true })
      const linked = (await post(`/bank-connections/${first.id}/refresh`)).data.bank_connection
      expect((await post(`/bank-connections/${first.id}/remove`)).status).toBe(400) // still linked: disconnect first
      const gone = (await del(`/bank-connections/${first.id}`)).data.bank_connection
      expect(gone).toMatchObject({ status: "disconnected", secrets_stored: false, consent_expires_at: null })

      const again = await openWebForm(bankInterface.id, "Sparkasse again")
      sandbox.current.control.completeWebForm(again.web_form_id, { savePin: true })
      const relinked = (await post(`/bank-connections/${again.id}/refresh`)).data.bank_connection
      const byIban = (accounts: { id: string; iban: string; import_enabled: boolean }[]) => Object.fromEntries(accounts.map((a) => [a.iban, a]))
      expect(Object.keys(byIban(relinked.accounts)).sort()).toEqual(Object.keys(byIban(linked.accounts)).sort())
      for (const account of linked.accounts) {
        expect(byIban(relinked.accounts)[account.iban]).toMatchObject({ id: account.id, import_enabled: true })
      }

      expect((await post(`/bank-connections/${first.id}/remove`)).status).toBe(200)
      const list = (await get(`/interfaces/${bankInterface.id}/bank-connections`)).data.bank_connections as { id: string }[]
      expect(list.map((c) => c.id)).toEqual([again.id])
    })

    it("refuses to delete an interface with booked payments, and deletes the finAPI user otherwise", async () => {
      const service = getContainer().resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id)
      const linked = (await post(`/bank-connections/${pending.id}/refresh`)).data.bank_connection
      const [tx] = await service.createBankTransactions([
        { account_id: linked.accounts[0].id, finapi_transaction_id: "1", amount: "50.00", currency_code: "EUR", booking_date: new Date(), fingerprint: "f" },
      ])
      const assignment = await service.createPaymentAssignments({
        transaction_id: tx.id, order_id: "order_x", amount: "50.00", currency_code: "EUR", source: "manual", status: "booked",
      })
      const refused = await del(`/interfaces/${bankInterface.id}`)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/booked into orders/)

      await service.updatePaymentAssignments({ id: assignment.id, status: "confirmed" })
      const deleted = await del(`/interfaces/${bankInterface.id}`)
      expect(deleted.data.deleted).toBe(true)
      const users = (sandbox.current.control.dump() as { users: { id: string }[] }).users.map((u) => u.id)
      expect(users).not.toContain(bankInterface.finapi_user_id)
    })

    it("never shows a password, client secret or token in a response or a log line", async () => {
      const bankInterface = await connectedInterface()
      const pending = await openWebForm(bankInterface.id)
      sandbox.current.control.completeWebForm(pending.web_form_id)
      await post(`/bank-connections/${pending.id}/refresh`)
      await post(`/interfaces/${bankInterface.id}/connect`, { password: "Wrong-Password-999" })
      sandbox.current.control.injectFault({ kind: "server_error", count: 50 })
      await post(`/interfaces/${bankInterface.id}/bank-connections/refresh`)
      sandbox.current.control.clearFaults()

      const seen = [
        JSON.stringify((await get("/interfaces")).data),
        JSON.stringify((await get(`/interfaces/${bankInterface.id}`)).data),
        JSON.stringify((await get(`/interfaces/${bankInterface.id}/bank-connections`)).data),
        JSON.stringify((await get(`/interfaces/${bankInterface.id}/log?limit=200`)).data),
        output.text(),
      ].join("\n")
      const tokens = (sandbox.current.control.dump() as { tokens: { token: string }[] }).tokens.map((t) => t.token.replace("…", ""))
      for (const secret of [PASSWORD, "Wrong-Password-999", "sandbox-secret", ...tokens]) {
        expect(seen).not.toContain(secret)
      }
      expect(seen).not.toMatch(/v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:/) // the encrypted password envelope
    })
  },
})
