import { randomUUID } from "node:crypto"
import axios, { type AxiosInstance } from "axios"
import type { FinapiUserCredentials } from "../../src/modules/bank-reconciliation/finapi"
import { newUserCredentials, observedClient, startTarget, usesRealFinapi, type ContractTarget } from "./support/contract-target"

describe("finAPI client: secrets stay out of logs and errors", () => {
  const clientSecret = `client-secret-${randomUUID()}`
  const secrets = new Set<string>()
  let target: ContractTarget

  beforeAll(async () => {
    // Records every token and Authorization header on the wire, so the test knows what to look for.
    const realCreate = axios.create.bind(axios)
    jest.spyOn(axios, "create").mockImplementation((config) => {
      const instance: AxiosInstance = realCreate(config)
      instance.interceptors.request.use((request) => {
        const auth = String(request.headers?.Authorization ?? "")
        if (auth.startsWith("Bearer ")) {
          secrets.add(auth.slice(7))
        }
        return request
      })
      instance.interceptors.response.use((response) => {
        const data = response.data as { access_token?: string; refresh_token?: string } | undefined
        if (data?.access_token) secrets.add(data.access_token)
        if (data?.refresh_token) secrets.add(data.refresh_token)
        return response
      })
      return instance
    })
    target = await startTarget({ clientSecret })
    secrets.add(usesRealFinapi ? target.clientSecret : clientSecret)
  })
  afterAll(async () => {
    jest.restoreAllMocks()
    await target.close()
  })

  it("never writes a client secret, password, access token or refresh token into logs, call entries or errors", async () => {
    const observed = observedClient(target)
    const wrongSecret = observedClient(target, { clientSecret: `wrong-${randomUUID()}` })
    const user: FinapiUserCredentials = newUserCredentials("secrets")
    const wrongPassword = `wrong-password-${randomUUID()}`
    secrets.add(user.password)
    secrets.add(wrongPassword)
    const errors: unknown[] = []
    const attempt = async (call: () => Promise<unknown>) => {
      await call().catch((error: unknown) => errors.push(error))
    }

    await observed.client.createUser({ id: user.userId, password: user.password })
    await observed.client.getUser(user)
    const form = await observed.client.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" } })
    const sandbox = target.sandbox
    if (sandbox) {
      sandbox.control.completeWebForm(form.id)
      sandbox.control.injectFault({ kind: "expired_token", count: 2, path: "/api/v2/accounts" })
      sandbox.control.injectFault({ kind: "server_error", count: 1, path: "/api/v2/bankConnections" })
      sandbox.control.injectFault({ kind: "drop", count: 1, path: "/api/v2/users", method: "POST" })
    }
    await observed.client.getWebForm(user, form.id)
    await attempt(() => observed.client.listAccounts(user))
    await observed.client.listBankConnections(user)
    await observed.client.listTransactions(user, { view: "bankView" })
    await attempt(() => observed.client.createUser({ id: newUserCredentials().userId, password: `pw-${randomUUID()}` }))
    await attempt(() => observed.client.getUser({ ...user, password: wrongPassword }))
    await attempt(() => observed.client.listTransactions(user, { view: undefined as never }))
    await attempt(() => observed.client.getBankConnection(user, 987654321))
    await attempt(() => observed.client.getWebForm(user, "no-such-form"))
    await attempt(() => wrongSecret.client.createUser({ id: newUserCredentials().userId }))
    // finAPI refuses to delete a user while one of its connections updates (423): wait until all are READY
    for (let i = 0; i < 50; i++) {
      const connections = await observed.client.listBankConnections(user)
      if (connections.every((connection) => connection.updateStatus === "READY")) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    await observed.client.deleteUser(user)
    await attempt(() => observed.client.getUser(user))

    expect(errors.length).toBeGreaterThanOrEqual(6)
    expect(secrets.size).toBeGreaterThanOrEqual(4)
    const written = [
      ...observed.logs,
      ...wrongSecret.logs,
      ...[...observed.calls, ...wrongSecret.calls].map((entry) => JSON.stringify(entry)),
      ...errors.flatMap((error) => [String(error), JSON.stringify(error), (error as Error).stack ?? "", (error as Error).message]),
    ].join("\n")
    for (const secret of secrets) {
      expect(written.includes(secret) ? `leaked ${secret.slice(0, 4)}…` : "clean").toBe("clean")
    }
    if (sandbox) {
      // The expired-token fault makes finAPI echo the rejected token, so redaction must have happened.
      expect(written).toContain("[redacted]")
    }
  })
})
