/**
 * `npm run bench -- finapi-paging`: the finAPI client pages through 100 000 transactions of one account
 * (500 per page, lazily) against the in-process sandbox. Checks every transaction arrives once, in
 * order, summing to finAPI's balance, with flat memory; and times, in the same run, the anchor: the
 * same pages fetched with bare `fetch` + `JSON.parse` (no client, no validation).
 * Env: BENCH_TRANSACTIONS (100000).
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { decimal, type Decimal } from "../../src/lib/money"
import { startSandbox } from "../../sandbox/server"
import { FinapiClient } from "../../src/modules/bank-reconciliation/finapi"

const TRANSACTIONS = Number(process.env.BENCH_TRANSACTIONS ?? 100_000)
const MB = 1024 * 1024

// full GCs, so heap figures measure what is retained, not garbage awaiting collection
setFlagsFromString("--expose_gc")
const gc = runInNewContext("gc") as () => void

function check(condition: boolean, what: string) {
  if (!condition) {
    throw new Error(`finapi-paging: ${what}`)
  }
}

async function main() {
  const sandbox = await startSandbox({ port: 0, seed: 7 })
  try {
    const credentials = { clientId: "sandbox-client", clientSecret: "sandbox-secret" }
    const client = new FinapiClient({ accessBaseUrl: sandbox.url, webFormBaseUrl: sandbox.url, ...credentials })
    const user = { userId: "paging-bench", password: "paging-bench-password" }
    await client.createUser({ id: user.userId, password: user.password })
    const form = await client.createBankConnectionImportWebForm(user, { bank: { search: "DEMO0001" }, accountTypes: ["CHECKING"] })
    sandbox.control.completeWebForm(form.id)
    const connectionId = (await client.getWebForm(user, form.id)).payload?.bankConnectionId as number
    let connection = await client.getBankConnection(user, connectionId)
    while (connection.updateStatus !== "READY") {
      await new Promise((resolve) => setTimeout(resolve, 100))
      connection = await client.getBankConnection(user, connectionId)
    }
    const accountId = connection.accountIds[0]
    sandbox.control.generateTransactions(accountId, { count: TRANSACTIONS, days: 365 })

    // --- the client
    gc()
    const baseline = process.memoryUsage()
    let maxHeapGrowth = 0
    let maxRssGrowth = 0
    let count = 0
    let lastId = 0
    let outOfOrder = 0
    let sum: Decimal = decimal(0)
    let balance: string | null = null
    let pages = 0
    let started = performance.now()
    for await (const page of client.iterateTransactionPages(user, { view: "bankView", accountIds: [accountId] })) {
      pages++
      balance ??= page.balance
      for (const t of page.transactions) {
        outOfOrder += t.id > lastId ? 0 : 1
        lastId = t.id
        sum = sum.plus(t.amount)
        count++
      }
      if (pages % 25 === 0) {
        gc()
        const now = process.memoryUsage()
        maxHeapGrowth = Math.max(maxHeapGrowth, now.heapUsed - baseline.heapUsed)
        maxRssGrowth = Math.max(maxRssGrowth, now.rss - baseline.rss)
      }
    }
    const clientMs = performance.now() - started
    check(count >= TRANSACTIONS && outOfOrder === 0, `${count} transactions, ${outOfOrder} out of order`)
    check(sum.eq(balance as string), "the amounts do not add up to finAPI's balance")
    // holding all parsed rows would retain well over 100 MB; one page is a few hundred KB
    check(maxHeapGrowth < 40 * MB, `retained heap grew ${(maxHeapGrowth / MB).toFixed(1)} MB`)

    // --- the anchor: the same pages, bare fetch + JSON.parse
    const tokenRes = await fetch(`${sandbox.url}/api/v2/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", client_id: credentials.clientId, client_secret: credentials.clientSecret, username: user.userId, password: user.password }),
    })
    const { access_token: token } = (await tokenRes.json()) as { access_token: string }
    let anchorCount = 0
    started = performance.now()
    for (let page = 1; page <= pages; page++) {
      const res = await fetch(`${sandbox.url}/api/v2/transactions?view=bankView&accountIds=${accountId}&page=${page}&perPage=500`, {
        headers: { authorization: `Bearer ${token}` },
      })
      anchorCount += (JSON.parse(await res.text()) as { transactions: unknown[] }).transactions.length
    }
    const anchorMs = performance.now() - started
    check(anchorCount === count, `the anchor read ${anchorCount} transactions, the client ${count}`)

    console.log(`finapi-paging: ${count} transactions in ${pages} pages of 500 from the in-process sandbox`)
    console.log(`  client: ${(clientMs / 1000).toFixed(2)} s (${((clientMs * 1000) / count).toFixed(1)} µs per transaction); max retained heap growth ${(maxHeapGrowth / MB).toFixed(1)} MB [< 40 MB], max RSS growth ${(maxRssGrowth / MB).toFixed(1)} MB`)
    console.log(`  anchor (fetch + JSON.parse of the same pages): ${(anchorMs / 1000).toFixed(2)} s; client / anchor ${(clientMs / anchorMs).toFixed(2)}`)
  } finally {
    await sandbox.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
