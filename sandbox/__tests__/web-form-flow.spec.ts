import { BankConnectionListSchema, TaskSchema, WebFormErrorSchema, WebFormSchema, WebFormValidationErrorSchema, WebFormCompletedCallbackSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { openSession, type Session } from "./sandbox-session"

/** Drives the server-rendered web form with plain form POSTs, as a browser would. */
describe("sandbox web form 2.0", () => {
  let s: Session
  let token: string
  let receiver: Server
  let received: unknown[]
  let callbackUrl: string

  beforeEach(async () => {
    s = await openSession()
    token = (await s.createUser()).token
    received = []
    receiver = createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        received.push(JSON.parse(body))
        res.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
    callbackUrl = `http://localhost:${(receiver.address() as AddressInfo).port}/finapi/webform-done?state=abc`
  })
  afterEach(async () => {
    await s.sandbox.close()
    receiver.closeAllConnections()
    await new Promise((resolve) => receiver.close(resolve))
  })

  const createForm = async (body: Record<string, unknown> = {}) => {
    const res = await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: { callbacks: { finalised: callbackUrl }, ...body } })
    expect(res.status).toBe(201)
    return WebFormSchema.parse(res.body)
  }
  const page = async (path: string) => (await s.call("GET", path)).body as string
  const post = (path: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(fields)) [value].flat().forEach((v) => body.append(key, v))
    return fetch(`${s.sandbox.url}${path}`, { method: "POST", body, redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" } })
  }
  const formStatus = async (id: string) => WebFormSchema.parse((await s.call("GET", `/api/webForms/${id}`, { token })).body)

  it("creates a form that expires in 20 minutes, with +0100-style timestamps and a /wf/ url", async () => {
    const form = await createForm({ bank: { search: "DEMO0001" } })
    expect(form).toMatchObject({ type: "BANK_CONNECTION_IMPORT", status: "NOT_YET_OPENED", payload: { bankConnectionId: null } })
    expect(form.createdAt).toMatch(/^2026-11-20T10:00:\d{2}\.\d{3}\+0100$/)
    expect(form.expiresAt).toMatch(/^2026-11-20T10:20:\d{2}\.\d{3}\+0100$/)
    expect(form.url).toBe(`${s.sandbox.url}/wf/${form.id}`)
    expect(form.id).toHaveLength(36)
  })

  it("walks search → login with Save PIN → TAN → accounts → COMPLETED, imports the connection and calls back", async () => {
    const form = await createForm({ bankConnectionName: "Hausbank" })
    expect(await page(`/wf/${form.id}?redirectUrl=${encodeURIComponent("https://shop.example/back")}`)).toContain('id="bank-search"')
    expect((await formStatus(form.id)).status).toBe("IN_PROGRESS")
    expect(await page(`/wf/${form.id}?search=finapi`)).toContain('id="bank-280002"')
    await post(`/wf/${form.id}/bank`, { bankId: "280001" })
    expect(await page(`/wf/${form.id}`)).toContain('id="save-pin"')
    await post(`/wf/${form.id}/login`, { loginName: "demo", pin: "demo", savePin: "true" })
    await post(`/wf/${form.id}/sca`, { tan: "111111" })
    expect(await page(`/wf/${form.id}`)).toContain("Wrong TAN")
    await post(`/wf/${form.id}/sca`, { tan: "123456" })
    expect(await page(`/wf/${form.id}`)).toContain('id="account-1"')
    const done = await post(`/wf/${form.id}/accounts`, { account: ["0", "2"] })
    expect(done.status).toBe(303)
    expect(done.headers.get("location")).toBe("https://shop.example/back")
    const final = await formStatus(form.id)
    expect(final.status).toBe("COMPLETED")
    const connections = BankConnectionListSchema.parse((await s.call("GET", "/api/v2/bankConnections", { token })).body).connections
    expect(connections).toHaveLength(1)
    expect(connections[0]).toMatchObject({ id: final.payload?.bankConnectionId, name: "Hausbank" })
    expect(connections[0].accountIds).toHaveLength(2)
    await s.sandbox.control.callbacksSettled()
    expect(received.map((b) => WebFormCompletedCallbackSchema.parse(b))).toEqual([{ webFormId: form.id, status: "COMPLETED" }])
  })

  it("ends COMPLETED_WITH_ERROR (BANK_SERVER_REJECTION) on wrong credentials", async () => {
    const form = await createForm({ bank: { id: 280002 } })
    await page(`/wf/${form.id}`)
    await post(`/wf/${form.id}/login`, { loginName: "demo", pin: "wrong" })
    expect(await formStatus(form.id)).toMatchObject({ status: "COMPLETED_WITH_ERROR", payload: { errorCode: "BANK_SERVER_REJECTION", bankConnectionId: null } })
  })

  it("approves at the redirect bank and skips SCA for demo_no_msa", async () => {
    const redirectForm = await createForm({ bank: { id: 280002 } })
    await page(`/wf/${redirectForm.id}`)
    await post(`/wf/${redirectForm.id}/login`, { loginName: "demo", pin: "demo" })
    expect(await page(`/wf/${redirectForm.id}`)).toContain('id="bank-approve"')
    await post(`/wf/${redirectForm.id}/redirect`, { decision: "approve" })
    expect(await page(`/wf/${redirectForm.id}`)).toContain('data-step="accounts"')
    const quick = await createForm({ bank: { id: 280001 }, accountTypes: ["SAVINGS"] })
    await page(`/wf/${quick.id}`)
    await post(`/wf/${quick.id}/login`, { loginName: "demo_no_msa", pin: "demo_no_msa" })
    const accounts = await page(`/wf/${quick.id}`)
    expect(accounts).toContain('id="account-2"')
    expect(accounts).not.toContain('id="account-0"')
  })

  it("is ABORTED by the cancel button and EXPIRED 20 minutes after creation, each with one callback", async () => {
    const aborted = await createForm()
    await page(`/wf/${aborted.id}`)
    await post(`/wf/${aborted.id}/cancel`, {})
    const expiring = await createForm()
    s.sandbox.control.advanceClock(20 * 60_000)
    expect((await formStatus(aborted.id)).status).toBe("ABORTED")
    expect((await formStatus(expiring.id)).status).toBe("EXPIRED")
    expect(await page(`/wf/${expiring.id}`)).toContain('data-status="EXPIRED"')
    await s.sandbox.control.callbacksSettled()
    expect(received).toEqual([
      { webFormId: aborted.id, status: "ABORTED" },
      { webFormId: expiring.id, status: "EXPIRED" },
    ])
  })

  it("fails the flow with INVALID_TOKEN when the user token expired midway", async () => {
    const form = await createForm({ bank: { id: 280001 } })
    await page(`/wf/${form.id}`)
    await post(`/wf/${form.id}/login`, { loginName: "demo_no_msa", pin: "demo_no_msa" })
    s.sandbox.control.expireTokens(token)
    await post(`/wf/${form.id}/accounts`, { account: "0" })
    const state = s.sandbox.control.dump().webForms[0]
    expect(state).toMatchObject({ status: "COMPLETED_WITH_ERROR", errorCode: "INVALID_TOKEN" })
  })

  it("serves finapi-webform2.js defining the requested custom element for @finapi/web-form", async () => {
    const res = await fetch(`${s.sandbox.url}/finapi-webform2.js?t=1&token=abc&tagname=my-web-form`)
    expect(res.headers.get("content-type")).toContain("application/javascript")
    const script = await res.text()
    expect(script).toContain('customElements.define(tag')
    expect(script).toContain('"my-web-form"')
    expect((await fetch(`${s.sandbox.url}/finapi-webform2.js?tagname=nohyphen`)).status).toBe(400)
  })

  it("validates the import body with Web Form error envelopes", async () => {
    const both = await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: { bank: { id: 280001, search: "DEMO" } } })
    expect(both.status).toBe(400)
    WebFormValidationErrorSchema.parse(both.body)
    const notUnique = await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: { bank: { search: "finAPI" } } })
    expect(notUnique.status).toBe(422)
    expect(WebFormErrorSchema.parse(notUnique.body).code).toBe("BANK_NOT_UNIQUE")
    const redirect = await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: { redirectUrl: "https://shop.example" } })
    expect([redirect.status, redirect.body.code]).toEqual([422, "INVALID_REDIRECT_URL"])
    const plainHttp = await s.call("POST", "/api/webForms/bankConnectionImport", { token, json: { callbacks: { finalised: "http://shop.example/cb" } } })
    expect(plainHttp.status).toBe(400)
    const noToken = await s.call("POST", "/api/webForms/bankConnectionImport", { json: {} })
    expect([noToken.status, noToken.body.code]).toEqual([401, "UNAUTHORIZED"])
    const unknown = await s.call("GET", "/api/webForms/00000000-0000-4000-a000-000000000000", { token })
    expect([unknown.status, unknown.body.code]).toEqual([404, "NOT_FOUND"])
  })

  describe("background update tasks", () => {
    const importVia = async (savePin: boolean) => {
      const form = await createForm({ bank: { id: 280001 } })
      return s.sandbox.control.completeWebForm(form.id, { savePin }).payload.bankConnectionId as number
    }
    const task = async (id: string) => TaskSchema.parse((await s.call("GET", `/api/tasks/${id}`, { token })).body)

    it("completes without the person when the PIN was saved", async () => {
      const connectionId = await importVia(true)
      const created = await s.call("POST", "/api/tasks/backgroundUpdate", { token, json: { bankConnectionId: connectionId, userMetadata: {} } })
      expect(created.status).toBe(201)
      expect(TaskSchema.parse(created.body)).toMatchObject({ status: "NOT_YET_STARTED", type: "BANK_CONNECTION_UPDATE" })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect((await task(created.body.id)).status).toBe("COMPLETED")
    })

    it("needs the web form again (WEB_FORM_REQUIRED) when the PIN was not saved, then renews the consent", async () => {
      const connectionId = await importVia(false)
      s.sandbox.control.advanceClock(3 * 86_400_000)
      token = (await s.call("POST", "/api/v2/oauth/token", { form: { grant_type: "password", username: "shop-1", password: "s3cr3t-Pa55", client_id: "sandbox-client", client_secret: "sandbox-secret" } })).body.access_token
      const created = (await s.call("POST", "/api/tasks/backgroundUpdate", { token, json: { bankConnectionId: connectionId, userMetadata: {}, callbacks: { webFormRequired: callbackUrl } } })).body
      const waiting = await task(created.id)
      expect(waiting.status).toBe("WEB_FORM_REQUIRED")
      const updateForm = waiting.payload?.webForm
      expect(updateForm).toMatchObject({ status: "NOT_YET_OPENED" })
      const locked = await s.call("POST", "/api/tasks/backgroundUpdate", { token, json: { bankConnectionId: connectionId, userMetadata: {} } })
      expect([locked.status, locked.body.code]).toEqual([423, "LOCKED"])
      await page(`/wf/${updateForm?.id}`)
      await post(`/wf/${updateForm?.id}/login`, { loginName: "demo_no_msa", pin: "demo_no_msa", savePin: "true" })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect((await task(created.id)).status).toBe("COMPLETED")
      const connection = (await s.call("GET", `/api/v2/bankConnections/${connectionId}`, { token })).body
      expect(connection.interfaces[0].aisConsent.expiresAt).toMatch(/^2027-05-22T/)
      await s.sandbox.control.callbacksSettled()
      expect(received.filter((b) => (b as { taskId?: string }).taskId === created.id)).toEqual([
        { taskId: created.id, status: "WEB_FORM_REQUIRED", webForm: { id: updateForm?.id, url: updateForm?.url, status: "NOT_YET_OPENED" } },
      ])
    })

    it("asks for the web form when the consent expired or the user must act", async () => {
      const connectionId = await importVia(true)
      s.sandbox.control.setConsent(connectionId, { userActionRequired: true })
      const created = (await s.call("POST", "/api/tasks/backgroundUpdate", { token, json: { bankConnectionId: connectionId, userMetadata: {} } })).body
      expect((await task(created.id)).status).toBe("WEB_FORM_REQUIRED")
    })
  })
})
