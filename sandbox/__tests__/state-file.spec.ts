import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { openSession } from "./sandbox-session"

describe("sandbox state file (the demo's --state-file)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sandbox-state-"))
  const stateFile = path.join(dir, "state.json")
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it("keeps users, bank connections, the extra statement rows and generated rows across a restart", async () => {
    const statement = [{ slot: 0, daysAgo: 2, content: { amountCents: 4_990, counterpartName: "Jürgen Müller", purpose: "Rechnung INV-7" } }]
    const first = await openSession({ stateFile, statement })
    const user = await first.createUser("demo-user", "demo-pass")
    const connection = first.sandbox.control.importBankConnection({ userId: user.id })
    const giro = connection.accountIds[0]
    first.sandbox.control.generateTransactions(giro, { count: 50 })
    const before = (await first.call("GET", `/api/v2/transactions?view=userView&accountIds=${giro}&perPage=500`, { token: user.token })).body
    expect(before.transactions.some((t: { purpose: string | null }) => t.purpose === "Rechnung INV-7")).toBe(true)
    await first.sandbox.close()

    const second = await openSession({ stateFile })
    try {
      expect(second.sandbox.restored).toBe(true)
      const token = await second.call("POST", "/api/v2/oauth/token", {
        form: { grant_type: "password", client_id: "sandbox-client", client_secret: "sandbox-secret", username: "demo-user", password: "demo-pass" },
      })
      expect(token.status).toBe(200)
      const after = (await second.call("GET", `/api/v2/transactions?view=userView&accountIds=${giro}&perPage=500`, { token: token.body.access_token })).body
      expect(after.paging.totalCount).toBe(before.paging.totalCount)
      expect(after.transactions.map((t: { id: number }) => t.id)).toEqual(before.transactions.map((t: { id: number }) => t.id))
    } finally {
      await second.sandbox.close()
    }
  })
})
