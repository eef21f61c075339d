import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { describeLocal, newUserCredentials, observedClient, startTarget, type ContractTarget } from "./support/contract-target"
import { toCents } from "./support/decimal-cents"
import { userWithConnection } from "./support/local-scenarios"

const TRANSACTIONS = 100_000
const MB = 1024 * 1024

// Lets the test force a full GC so heap figures measure what is retained, not garbage awaiting collection.
setFlagsFromString("--expose_gc")
const gc = runInNewContext("gc") as () => void

describeLocal("finAPI client: paging through 100 000 transactions", () => {
  let target: ContractTarget

  beforeAll(async () => {
    target = await startTarget()
  })
  afterAll(() => target.close())

  it("yields every transaction once with flat memory, 500 per page", async () => {
    const { client, calls } = observedClient(target)
    const user = newUserCredentials("paging")
    const connection = await userWithConnection(target.sandbox!, client, user)
    const accountId = connection.accountIds[0]
    target.sandbox!.control.generateTransactions(accountId, { count: TRANSACTIONS, days: 365 })

    gc()
    const baseline = process.memoryUsage()
    let maxHeapGrowth = 0
    let maxRssGrowth = 0
    let count = 0
    let lastId = 0
    let outOfOrder = 0
    let sumCents = 0n
    let expectedBalance: string | null = null
    let pages = 0
    const started = Date.now()
    for await (const page of client.iterateTransactionPages(user, { view: "bankView", accountIds: [accountId] })) {
      pages++
      expectedBalance ??= page.balance
      for (const t of page.transactions) {
        // A plain check: 100 000 expect() calls would dominate the run time.
        outOfOrder += t.id > lastId ? 0 : 1
        lastId = t.id
        sumCents += toCents(t.amount)
        count++
      }
      if (pages % 25 === 0) {
        gc()
        const now = process.memoryUsage()
        maxHeapGrowth = Math.max(maxHeapGrowth, now.heapUsed - baseline.heapUsed)
        maxRssGrowth = Math.max(maxRssGrowth, now.rss - baseline.rss)
      }
    }
    const seconds = (Date.now() - started) / 1000

    const { paging } = await client.listTransactions(user, { view: "bankView", accountIds: [accountId], perPage: 1 })
    expect(outOfOrder).toBe(0)
    expect(count).toBe(paging.totalCount)
    expect(count).toBeGreaterThanOrEqual(TRANSACTIONS)
    expect(pages).toBe(Math.ceil(count / 500))
    expect(calls.filter((c) => c.operation === "listTransactions").every((c) => c.path === "/api/v2/transactions")).toBe(true)
    // finAPI's `balance` is the sum over all pages: the streamed amounts must add up to it exactly.
    expect(sumCents).toBe(toCents(expectedBalance as string))
    // eslint-disable-next-line no-console
    console.log(
      `paging ${count} transactions in ${pages} pages took ${seconds.toFixed(1)} s; ` +
        `${((seconds * 1000) / pages).toFixed(0)} ms per page; max retained heap growth ${(maxHeapGrowth / MB).toFixed(1)} MB, max RSS growth ${(maxRssGrowth / MB).toFixed(1)} MB`
    )
    // Holding all 100 000 parsed rows would retain well over 100 MB; one page is a few hundred KB.
    expect(maxHeapGrowth).toBeLessThan(40 * MB)
    expect(maxRssGrowth).toBeLessThan(250 * MB)
  }, 300_000)
})
