import { ExecArgs } from "@medusajs/framework/types"
import fs from "fs"
import os from "os"
import path from "path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { Session } from "inspector"
import { capturePaymentWorkflow, createOrderPaymentCollectionWorkflow, createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { PAYMENT_BOOKED_EVENT } from "../../src/workflows/booking/book-assignment"
import { BOOKING_CONCURRENCY, bookAssignments } from "../../src/workflows/booking/book-assignments"
import { notifyPaymentBookedWorkflow } from "../../src/workflows/booking/notify-payment-booked"

/**
 * Runs inside a booted Medusa app (`medusa exec`), in one of two phases (BENCH_PHASE):
 *
 * - `setup`: 2 × BENCH_BOOKINGS identical orders of 119 EUR whose payment collection holds a payment
 *   authorized by Medusa's system provider (as a card or a bank-transfer authorization would). The
 *   first half gets one incoming payment and one confirmed assignment each (every other one exact,
 *   the rest 50 EUR: a partial capture); the second half is for Medusa's bare capture (written to
 *   `bare.json` in BENCH_SYNC_DIR: payment id and the same amount).
 * - `book`: this process's share of the confirmed assignments (every BENCH_PROCESSES-th, from
 *   BENCH_PROCESS), booked in one `bookAssignments` call (BOOKING_CONCURRENCY at a time). It waits
 *   for the go file in BENCH_SYNC_DIR after booting, so all processes start booking together. Then,
 *   the anchor: after `go-bare`, its share of the bare payments captured with core
 *   `capturePaymentWorkflow` only (no plugin), BOOKING_CONCURRENCY at a time. Then the
 *   payment-received notices of its bookings (see below). The first process finally books 100 of the
 *   assignments again.
 *
 * The payment-received notice (the customer's email, built from a read of the order) is not part of
 * the capture and not what the bare anchor does: it runs from the `payment_booked` event's
 * subscriber, in production in the worker. Here the subscriber is taken off the event bus for the
 * booking phase and the events are kept; after the bare phase, when every process is there, each
 * runs the same notice workflow for its events (BOOKING_CONCURRENCY at a time), timed on its own.
 * BENCH_INLINE_NOTICES=1 leaves the subscriber on: the notices then run inside the booking phase.
 *
 * BENCH_WARMUP=n (default 10; 0 for the cold start the runs before 2026-11-29 21:05 measured): n
 * more orders per process for each path, booked and captured bare by that process before it reports
 * ready, so that neither timed phase pays for a cold process (the booking phase runs first, on a
 * freshly booted one). Not counted in any figure.
 *
 * Prints one JSON line.
 */
export default async function bookInMedusa({ container }: ExecArgs) {
  if (process.env.BENCH_PHASE === "setup") {
    return setUp(container)
  }
  const processes = Number(process.env.BENCH_PROCESSES ?? 1)
  const index = Number(process.env.BENCH_PROCESS ?? 0)
  const sync = process.env.BENCH_SYNC_DIR!
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const warm = readWarmUp(sync, processes, index)
  const all = (await service.listPaymentAssignments({ status: "confirmed" }, { select: ["id"], take: null }))
    .map((a) => a.id)
    .filter((id) => !warm.all.has(id))
    .sort()
  const ids = all.filter((_, i) => i % processes === index)

  const notices = process.env.BENCH_INLINE_NOTICES ? null : deferNotices(container)
  // BENCH_WARMUP: both paths run a few times before anything is timed (not counted anywhere)
  if (warm.assignments.length) {
    await bookAssignments(container, warm.assignments)
    await inParallel(warm.bare.length, BOOKING_CONCURRENCY, async (i) => {
      await capturePaymentWorkflow(container).run({ input: warm.bare[i], throwOnError: false })
    })
    await new Promise((resolve) => setTimeout(resolve, 500))
    notices?.splice(0)
  }

  const barePayments = (JSON.parse(fs.readFileSync(path.join(sync, "bare.json"), "utf8")) as { payment_id: string; amount: string }[]).filter((_, i) => i % processes === index)
  const booking = async () => {
    const probe = await phaseProbe(container, `book-${index}`)
    const cpuBefore = process.cpuUsage()
    const startedAt = Date.now()
    // one call, as the booking view's "Start booking" and the auto-book job make it
    const results = await bookAssignments(container, ids)
    const endedAt = Date.now()
    const cpu = process.cpuUsage(cpuBefore)
    return { results, startedAt, endedAt, cpu, statements: await probe.stop() }
  }
  const bare = async () => {
    const probe = await phaseProbe(container, `bare-${index}`)
    const cpuBefore = process.cpuUsage()
    const startedAt = Date.now()
    let failed = 0
    await inParallel(barePayments.length, BOOKING_CONCURRENCY, async (i) => {
      const { errors } = await capturePaymentWorkflow(container).run({ input: { payment_id: barePayments[i].payment_id, amount: barePayments[i].amount }, throwOnError: false })
      failed += errors?.length ? 1 : 0
    })
    const endedAt = Date.now()
    const cpu = process.cpuUsage(cpuBefore)
    return { failed, startedAt, endedAt, cpu, statements: await probe.stop() }
  }
  // BENCH_ORDER=bare-first times the bare captures in the first slot and the booking in the second (the
  // first timed phase of a process costs more: run both orders to compare like with like)
  const bareFirst = process.env.BENCH_ORDER === "bare-first"
  const waitFor = async (file: string) => {
    while (!fs.existsSync(path.join(sync, file))) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  // slot 1 starts on "go" and ends with done-<index>, slot 2 starts on "go-bare" and ends with bare-done-<index>
  fs.writeFileSync(path.join(sync, `ready-${index}`), "")
  await waitFor("go")
  const first = bareFirst ? await bare() : await booking()
  fs.writeFileSync(path.join(sync, `done-${index}`), "")
  await waitFor("go-bare")
  const second = bareFirst ? await booking() : await bare()
  fs.writeFileSync(path.join(sync, `bare-done-${index}`), "")
  const booked = (bareFirst ? second : first) as Awaited<ReturnType<typeof booking>>
  const bared = (bareFirst ? first : second) as Awaited<ReturnType<typeof bare>>
  const { results, startedAt, endedAt, cpu, statements: bookingStatements } = booked
  const { failed: bareFailed, startedAt: bareStartedAt, endedAt: bareEndedAt, cpu: bareCpu, statements: bareStatements } = bared

  let noticeRun: { notices: number; failed: number; started_at: number; ended_at: number; cpu_ms_per_notice: number; sql_per_notice: number } | null = null
  if (notices) {
    while (!Array.from({ length: processes }, (_, k) => fs.existsSync(path.join(sync, `bare-done-${k}`))).every(Boolean)) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const noticeProbe = await phaseProbe(container, `notices-${index}`)
    const noticeCpuBefore = process.cpuUsage()
    const noticeStartedAt = Date.now()
    let noticeFailed = 0
    await inParallel(notices.length, BOOKING_CONCURRENCY, async (i) => {
      const e = notices[i]
      const { errors } = await notifyPaymentBookedWorkflow(container).run({
        input: { order_id: e.order_id, assignment_id: e.id, transaction_id: e.transaction_id, amount: String(e.amount), paid_in_full: e.paid_in_full ?? null },
        throwOnError: false,
      })
      noticeFailed += errors?.length ? 1 : 0
    })
    const noticeEndedAt = Date.now()
    const noticeCpu = process.cpuUsage(noticeCpuBefore)
    const noticeStatements = await noticeProbe.stop()
    const n = Math.max(notices.length, 1)
    noticeRun = { notices: notices.length, failed: noticeFailed, started_at: noticeStartedAt, ended_at: noticeEndedAt, cpu_ms_per_notice: (noticeCpu.user + noticeCpu.system) / 1000 / n, sql_per_notice: noticeStatements / n }
  }
  fs.writeFileSync(path.join(sync, `notices-done-${index}`), "")

  let repeat: { already_booked: number; per_second: number } | null = null
  if (index === 0) {
    while (!Array.from({ length: processes }, (_, k) => fs.existsSync(path.join(sync, `notices-done-${k}`))).every(Boolean)) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const again = Date.now()
    const repeated = await bookAssignments(container, all.slice(0, 100))
    repeat = { already_booked: repeated.filter((r) => r.already_booked).length, per_second: repeated.length / ((Date.now() - again) / 1000) }
  }

  const failures = results.filter((r) => r.status === "failed").map((r) => r.reason)
  console.log(
    "BENCH_RESULT " +
      JSON.stringify({
        process: index,
        bookings: ids.length,
        concurrency: BOOKING_CONCURRENCY,
        booked: results.filter((r) => r.status === "booked").length,
        failed: failures.length,
        first_failure: failures[0] ?? null,
        started_at: startedAt,
        ended_at: endedAt,
        cpu_ms_per_booking: (cpu.user + cpu.system) / 1000 / Math.max(ids.length, 1),
        sql_per_booking: bookingStatements / Math.max(ids.length, 1),
        load_average: os.loadavg()[0],
        order: bareFirst ? "bare-first" : "booking-first",
        repeat,
        notices: noticeRun,
        bare: { captures: barePayments.length, failed: bareFailed, started_at: bareStartedAt, ended_at: bareEndedAt, cpu_ms_per_capture: (bareCpu.user + bareCpu.system) / 1000 / Math.max(barePayments.length, 1), sql_per_capture: bareStatements / Math.max(barePayments.length, 1) },
      })
  )
}

/** This process's share of the warm-up set (BENCH_WARMUP per process and path), and every warm-up assignment (kept out of the timed sets). */
function readWarmUp(sync: string, processes: number, index: number) {
  const file = path.join(sync, "warm.json")
  const warm = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { assignments: string[]; bare: { payment_id: string; amount: string }[] }) : { assignments: [], bare: [] }
  return {
    all: new Set(warm.assignments),
    assignments: warm.assignments.filter((_, i) => i % processes === index),
    bare: warm.bare.filter((_, i) => i % processes === index),
  }
}

type PaymentBooked = { id: string; order_id: string; transaction_id: string; amount: string; paid_in_full?: boolean | null }

/** Takes the payment-received notice's subscriber off the event bus and keeps the events it would have handled. */
function deferNotices(container: ExecArgs["container"]): PaymentBooked[] {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const kept: PaymentBooked[] = []
  eventBus.unsubscribe(PAYMENT_BOOKED_EVENT, (async () => undefined) as never, { subscriberId: "finapi-payment-booked-notice" })
  eventBus.subscribe(PAYMENT_BOOKED_EVENT, (async (event: { data: PaymentBooked }) => void kept.push(event.data)) as never, { subscriberId: "bench-kept-notices" })
  return kept
}

async function setUp(container: ExecArgs["container"]) {
  const count = Number(process.env.BENCH_BOOKINGS ?? 1000)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const payments = container.resolve(Modules.PAYMENT)
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Bench DE", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }] },
  })
  const bankInterface = await service.createBankInterfaces({ name: "Bench bank" })
  const connection = await service.createBankConnections({ interface_id: bankInterface.id, label: "Bench", finapi_bank_connection_id: "1", status: "active" })
  const account = await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "1", currency_code: "EUR" })

  const setupStarted = Date.now()
  const bare: { payment_id: string; amount: string }[] = []
  const warmUp = Number(process.env.BENCH_WARMUP ?? 10) * Number(process.env.BENCH_PROCESSES ?? 2)
  const warm = { assignments: [] as string[], bare: [] as { payment_id: string; amount: string }[] }
  await inParallel(2 * count + 2 * warmUp, 8, async (i) => {
    const { result: order } = await createOrderWorkflow(container).run({
      input: { region_id: region.id, currency_code: "eur", email: `bench${i}@example.com`, items: [{ title: "Kaffeemühle", quantity: 1, unit_price: 119 }] },
    })
    const { result: [collection] } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 119 } })
    const session = await payments.createPaymentSession(collection.id, { provider_id: "pp_system_default", amount: 119, currency_code: "eur", data: {} })
    const payment = await payments.authorizePaymentSession(session.id, {})
    if (!payment) {
      throw new Error(`pp_system_default left payment session ${session.id} pending: the bench needs an authorized payment`)
    }
    const amount = i % 2 === 0 ? "119" : "50"
    if (i >= 2 * count + warmUp) {
      warm.bare.push({ payment_id: payment.id, amount })
      return
    }
    if (i >= count && i < 2 * count) {
      bare.push({ payment_id: payment.id, amount })
      return
    }
    const [transaction] = await service.createBankTransactions([
      { account_id: account.id, finapi_transaction_id: `B${i}`, amount, currency_code: "EUR", booking_date: new Date(), purpose: `Bench ${i}`, fingerprint: `bench-${i}` },
    ])
    const assignment = await service.createPaymentAssignments({
      transaction_id: transaction.id, order_id: order.id, amount, currency_code: "eur", source: "auto", status: "confirmed", confirmed_at: new Date(),
    })
    if (i >= count) {
      warm.assignments.push(assignment.id)
    }
  })
  fs.writeFileSync(path.join(process.env.BENCH_SYNC_DIR!, "bare.json"), JSON.stringify(bare))
  fs.writeFileSync(path.join(process.env.BENCH_SYNC_DIR!, "warm.json"), JSON.stringify(warm))
  console.log("BENCH_SETUP " + JSON.stringify({ bookings: count, bare_captures: bare.length, setup_seconds: (Date.now() - setupStarted) / 1000 }))
}

/**
 * Counts the SQL statements sent on Medusa's shared connection (every module's ORM uses it) from now
 * until `stop()`, which returns the count; with BENCH_CPU_PROFILE_DIR set, also writes a V8 CPU
 * profile of the phase there (`<name>.cpuprofile`, for Chrome DevTools or speedscope).
 */
async function phaseProbe(container: ExecArgs["container"], name: string) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as { on(e: string, f: () => void): void; off(e: string, f: () => void): void }
  let statements = 0
  const count = () => void statements++
  knex.on("query", count)
  const dir = process.env.BENCH_CPU_PROFILE_DIR
  const session = dir ? new Session() : null
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))))
  if (session) {
    session.connect()
    await post("Profiler.enable")
    await post("Profiler.setSamplingInterval", { interval: 500 })
    await post("Profiler.start")
  }
  return {
    async stop() {
      knex.off("query", count)
      if (session) {
        const { profile } = await post("Profiler.stop")
        fs.writeFileSync(path.join(dir!, `${name}.cpuprofile`), JSON.stringify(profile))
        session.disconnect()
      }
      return statements
    },
  }
}

async function inParallel(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        await work(next++)
      }
    })
  )
}
