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

const breakdown = (m: NodeJS.MemoryUsage) =>
  Object.fromEntries(Object.entries(m).map(([key, bytes]) => [key, Math.round(bytes / 2 ** 20)])) as Record<keyof NodeJS.MemoryUsage, number>

const gc = (globalThis as { gc?: () => void }).gc

/**
 * Diagnostic only (`NODE_OPTIONS=--expose-gc BENCH_GC_PROBE=1`; it changes what it measures): what is
 * live after a full collection at the matching's start and every 5 s of it, beside the RSS, printed as
 * BENCH_LIVE lines; with BENCH_HEAP_SNAPSHOT_DIR also a heap snapshot at the start and after 20 s.
 */
function liveMemoryProbe() {
  if (process.env.BENCH_ALLOC_PROFILE) {
    return allocationProfile(process.env.BENCH_ALLOC_PROFILE)
  }
  if (!gc || !process.env.BENCH_GC_PROBE) {
    return { stop: () => undefined }
  }
  const started = Date.now()
  const dir = process.env.BENCH_HEAP_SNAPSHOT_DIR
  const probe = (label: string) => {
    const before = breakdown(process.memoryUsage())
    gc()
    const after = breakdown(process.memoryUsage())
    console.log(`BENCH_LIVE ${label} ${((Date.now() - started) / 1000).toFixed(0)} s: rss ${before.rss} -> ${after.rss}, heapUsed ${before.heapUsed} -> ${after.heapUsed} of ${after.heapTotal}, external ${before.external} -> ${after.external}, arrayBuffers ${before.arrayBuffers} -> ${after.arrayBuffers}`)
    if (dir && (label === "start" || label === "20s")) {
      require("v8").writeHeapSnapshot(`${dir}/matching-${label}.heapsnapshot`)
    }
  }
  probe("start")
  let n = 0
  const timer = setInterval(() => probe(`${(++n) * 5}s`), 5_000)
  return { stop: () => clearInterval(timer) }
}

/**
 * Diagnostic only (BENCH_ALLOC_PROFILE=file): V8's sampling heap profile of the matching's first 30 s,
 * garbage included (what the matching allocates, not what it keeps), written as a .heapprofile.
 */
function allocationProfile(file: string) {
  const { Session } = require("inspector") as typeof import("inspector")
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))))
  void post("HeapProfiler.startSampling", { samplingInterval: Number(process.env.BENCH_ALLOC_SAMPLING ?? 32_768), includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !process.env.BENCH_ALLOC_PROMOTED_ONLY })
  let done = false
  const finish = async () => {
    if (done) {
      return
    }
    done = true
    const { profile } = await post("HeapProfiler.stopSampling")
    require("fs").writeFileSync(file, JSON.stringify(profile))
    session.disconnect()
  }
  const timer = setTimeout(finish, 30_000)
  return { stop: () => (clearTimeout(timer), void finish()) }
}

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
  // where the memory is at the matching's peak: the breakdown of the sample with the most RSS
  let matchingPeakBreakdown: NodeJS.MemoryUsage | null = null
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss()
    peak = Math.max(peak, rss)
    if (matchingPeak && rss > matchingPeak) {
      matchingPeak = rss
      matchingPeakBreakdown = process.memoryUsage()
    }
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
  const importProfile = process.env.BENCH_ALLOC_WINDOW === "import" ? liveMemoryProbe() : null
  console.log("BENCH_MARK import-start")
  const first = await run()
  console.log("BENCH_MARK import-end")
  importProfile?.stop()
  const peakFirst = peak
  const peakHeapFirst = peakHeap
  // The import's event starts automatic matching of the new payments in this process. The next
  // scheduled import comes an hour later, long after it finished; the second run starts when it has,
  // and its time is reported on its own.
  const matchingStarted = process.hrtime.bigint()
  const matchingStart = process.memoryUsage()
  const live = process.env.BENCH_ALLOC_WINDOW === "import" ? { stop: () => undefined } : liveMemoryProbe()
  console.log("BENCH_MARK matching-start")
  const matchingStartRss = matchingStart.rss
  matchingPeak = matchingStartRss
  // done when no stored payment needs matching any more (the hand-off is in the database)
  const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const pending = async () => Number((await pg.raw(`select count(*) as n from bank_transaction where needs_matching`)).rows[0].n)
  while ((await pending()) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const matchingSeconds = Number(process.hrtime.bigint() - matchingStarted) / 1e9
  const peakMatching = peak
  live.stop()
  console.log("BENCH_MARK matching-end")
  const peakMatchingOnly = matchingPeak
  const peakBreakdown = matchingPeakBreakdown as NodeJS.MemoryUsage | null
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
        memory_mb: { before_import: breakdown(before), matching_start: breakdown(matchingStart), matching_peak: breakdown(peakBreakdown ?? matchingStart) },
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
