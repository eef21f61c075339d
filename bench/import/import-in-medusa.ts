import { ExecArgs } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { connectBankInterfaceWorkflow } from "../../src/workflows/online-banking/connect-bank-interface"
import { createBankInterfaceWorkflow } from "../../src/workflows/online-banking/create-bank-interface"
import { importBankTransactionsWorkflow } from "../../src/workflows/import/import-bank-transactions"
import { refreshBankConnectionsWorkflow } from "../../src/workflows/online-banking/refresh-bank-connections"
import { statementFileBench } from "./statement-file-in-medusa"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/**
 * Runs inside a booted Medusa app (`medusa exec`): links the sandbox's test bank, fills its
 * Girokonto with BENCH_GENERATE incoming payments, imports twice and prints one JSON line with the
 * figures. RSS is this (the Medusa) process's, sampled every 20 ms.
 */
export default async function importInMedusa({ container }: ExecArgs) {
  const sandboxUrl = process.env.FINAPI_ACCESS_URL!
  const generate = Number(process.env.BENCH_GENERATE ?? 99_988)
  const control = (path: string, body: unknown) =>
    fetch(`${sandboxUrl}/__sandbox${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) {
        throw new Error(`sandbox ${path}: ${r.status} ${await r.text()}`)
      }
      return r.json()
    })

  const { result: created } = await createBankInterfaceWorkflow(container).run({ input: { name: "Bench bank" } })
  const { result: connected } = await connectBankInterfaceWorkflow(container).run({ input: { id: created.id, password: "Bench-Pw-4711" } })
  await control("/bankConnections", { userId: connected.finapi_user_id, blz: "DEMO0001", pinSaved: true })
  await refreshBankConnectionsWorkflow(container).run({ input: { interface_id: created.id } })
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [giro] = await service.listBankAccounts({ name: "Girokonto" })
  await control(`/accounts/${giro.finapi_account_id}/transactions/generate`, { count: generate, days: 90, incomingShare: 1 })

  const before = process.memoryUsage()
  const baseline = before.rss
  let peak = baseline
  let peakHeap = before.heapUsed
  let ticks = 0
  // the matching's own window (from the import's end to the last payment matched), apart from the import's
  let matchingPeak = 0
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss()
    peak = Math.max(peak, rss)
    matchingPeak = matchingPeak && Math.max(matchingPeak, rss)
    // the full breakdown is dearer; every 10th sample is enough to see the heap's share
    if (++ticks % 10 === 0) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    }
  }, 20)
  const run = async () => {
    const started = process.hrtime.bigint()
    const { result } = await importBankTransactionsWorkflow(container).run({ input: { trigger: "operator", account_ids: [giro.id] } })
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result }
  }
  const first = await run()
  const peakFirst = peak
  const peakHeapFirst = peakHeap
  // The import's event starts automatic matching of the new payments in this process. The next
  // scheduled import comes an hour later, long after it finished; the second run starts when it has,
  // and its time is reported on its own.
  const matchingStarted = process.hrtime.bigint()
  const matchingStartRss = process.memoryUsage.rss()
  matchingPeak = matchingStartRss
  // done when no stored payment needs matching any more (the hand-off is in the database)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const pending = async () => Number((await pg.raw(`select count(*) as n from bank_transaction where needs_matching`)).rows[0].n)
  while ((await pending()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const matchingSeconds = Number(process.hrtime.bigint() - matchingStarted) / 1e9
  const peakMatching = peak
  const peakMatchingOnly = matchingPeak
  matchingPeak = 0
  const assigned = await service.listPaymentAssignments({}, { select: ["id"], take: null })
  const second = await run()
  clearInterval(sampler)
  // the same number of payments from a camt.053 file, into a file-only account of its own
  const statementFile = await statementFileBench(container, Number(process.env.BENCH_STATEMENT_ENTRIES ?? 100_000))
  while ((await pending()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const pages = Math.ceil(first.result.counts.fetched / 500)
  console.log(
    "BENCH_RESULT " +
      JSON.stringify({
        fetched: first.result.counts.fetched,
        imported: first.result.counts.imported,
        held: first.result.counts.held,
        filtered: first.result.counts.filtered,
        pages,
        first_seconds: first.seconds,
        per_second: first.result.counts.imported / first.seconds,
        rss_baseline_mb: baseline / 2 ** 20,
        rss_peak_mb: peakFirst / 2 ** 20,
        rss_growth_mb: (peakFirst - baseline) / 2 ** 20,
        heap_used_growth_mb: (peakHeapFirst - before.heapUsed) / 2 ** 20,
        matching_seconds: matchingSeconds,
        matching_rss_peak_mb: peakMatching / 2 ** 20,
        matching_rss_start_mb: matchingStartRss / 2 ** 20,
        matching_rss_own_peak_mb: peakMatchingOnly / 2 ** 20,
        matching_assignments: assigned.length,
        second_seconds: second.seconds,
        second_imported: second.result.counts.imported,
        second_fetched: second.result.counts.fetched,
        second_share: second.seconds / first.seconds,
        first_status: first.result.status,
        second_status: second.result.status,
        statement_file: statementFile,
      })
  )
}
