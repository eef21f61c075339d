/**
 * `npm run bench -- booking`: 1 000 confirmed assignments booked into real Medusa orders through the
 * booking workflow (lock, re-read, mark paid or system session + partial capture, record, event).
 *
 * A fresh database migrated with `medusa db:migrate`; `medusa exec bench/booking/book-in-medusa.ts`
 * sets up the orders, payments and assignments; then BENCH_PROCESSES Medusa processes (`medusa exec`,
 * this repo's medusa-config with Postgres locking, as a deployment with a server and a worker would
 * run) boot, wait until all are up, and book their share together. The rate is all bookings over the
 * time from the first process's start to the last one's end. The anchor, in the same run: the same
 * processes then capture as many identical orders with Medusa's bare `capturePaymentWorkflow` (no
 * plugin), timed the same way; the ratio of the two rates is the plugin's cost.
 * Env: BENCH_PG_URL (default postgres://postgres:postgres@localhost:5432), BENCH_BOOKINGS (1000),
 * BENCH_PROCESSES (2), BENCH_WARMUP (10 per process and path, untimed), BENCH_ORDER (booking-first | bare-first: which is timed first), BENCH_INLINE_NOTICES (see
 * book-in-medusa.ts).
 */
import fs from "fs"
import os from "os"
import path from "path"
import { MEDUSA_CLI as MEDUSA, PG_SERVER as SERVER, runNode as run, serverSql as sql } from "../medusa-bench-process"

const DB = `medusa-finapi-bench-booking-${process.pid}`
const TARGET_PER_SECOND = 10
const RATIO_TARGET = 0.8

function resultLine<T>(out: string, tag: string): T {
  const line = out.split("\n").find((l) => l.startsWith(`${tag} `))
  if (!line) {
    throw new Error(`no ${tag} from the Medusa process:\n${out.slice(-2000)}`)
  }
  return JSON.parse(line.slice(tag.length + 1))
}

type ProcessResult = {
  process: number
  order: "booking-first" | "bare-first"
  bookings: number
  concurrency: number
  booked: number
  failed: number
  first_failure: string | null
  started_at: number
  ended_at: number
  cpu_ms_per_booking: number
  sql_per_booking: number
  load_average: number
  repeat: { already_booked: number; per_second: number } | null
  notices: { notices: number; failed: number; started_at: number; ended_at: number; cpu_ms_per_notice: number; sql_per_notice: number } | null
  bare: { captures: number; failed: number; started_at: number; ended_at: number; cpu_ms_per_capture: number; sql_per_capture: number }
}

async function runOnce(order: Order): Promise<{ perSecond: number; barePerSecond: number }> {
  const processes = Number(process.env.BENCH_PROCESSES ?? 2)
  const sync = fs.mkdtempSync(path.join(os.tmpdir(), "bench-booking-"))
  await sql(`create database "${DB}"`)
  const env = { DATABASE_URL: `${SERVER}/${DB}`, NODE_ENV: "test", LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true", MEDUSA_LOCKING: "postgres", BENCH_SYNC_DIR: sync, BENCH_ORDER: order }
  try {
    await run([MEDUSA, "db:migrate"], env)
    const setup = resultLine<{ bookings: number; setup_seconds: number }>(await run([MEDUSA, "exec", "bench/booking/book-in-medusa.ts"], { ...env, BENCH_PHASE: "setup" }, true), "BENCH_SETUP")

    const booking = Array.from({ length: processes }, (_, k) =>
      run([MEDUSA, "exec", "bench/booking/book-in-medusa.ts"], { ...env, BENCH_PHASE: "book", BENCH_PROCESS: String(k), BENCH_PROCESSES: String(processes) }, true)
    )
    // all processes booted and holding their share: start them together
    while (!Array.from({ length: processes }, (_, k) => fs.existsSync(path.join(sync, `ready-${k}`))).every(Boolean)) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    fs.writeFileSync(path.join(sync, "go"), "")
    // the anchor: when every process has booked, all capture the bare payments together
    while (!Array.from({ length: processes }, (_, k) => fs.existsSync(path.join(sync, `done-${k}`))).every(Boolean)) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    fs.writeFileSync(path.join(sync, "go-bare"), "")
    const results = (await Promise.all(booking)).map((out) => resultLine<ProcessResult>(out, "BENCH_RESULT"))

    const booked = results.reduce((sum, r) => sum + r.booked, 0)
    const failed = results.reduce((sum, r) => sum + r.failed, 0)
    const seconds = (Math.max(...results.map((r) => r.ended_at)) - Math.min(...results.map((r) => r.started_at))) / 1000
    const perSecond = booked / seconds
    const repeat = results.find((r) => r.repeat)?.repeat
    const firstFailure = results.find((r) => r.first_failure)?.first_failure
    console.log(`booking: ${booked} of ${setup.bookings} booked, ${failed} failed${firstFailure ? ` (first: ${firstFailure})` : ""}; ${processes} Medusa process(es), ${results[0].concurrency} bookings at a time in each, Postgres locking; phases ${results[0].order} (BENCH_ORDER)`)
    console.log(`  ${seconds.toFixed(1)} s, ${perSecond.toFixed(1)} bookings/s   [target >= ${TARGET_PER_SECOND}: ${perSecond >= TARGET_PER_SECOND ? "ok" : "MISSED"}]`)
    for (const r of results) {
      const own = (r.ended_at - r.started_at) / 1000
      console.log(`  process ${r.process}: ${r.booked} booked in ${own.toFixed(1)} s (${(r.booked / own).toFixed(1)}/s), ${r.cpu_ms_per_booking.toFixed(0)} ms CPU and ${r.sql_per_booking.toFixed(1)} SQL statements per booking; load average ${r.load_average.toFixed(1)} on ${os.cpus().length} cores`)
    }
    const bareSeconds = (Math.max(...results.map((r) => r.bare.ended_at)) - Math.min(...results.map((r) => r.bare.started_at))) / 1000
    const bareCaptures = results.reduce((sum, r) => sum + r.bare.captures - r.bare.failed, 0)
    const barePerSecond = bareCaptures / bareSeconds
    const ratio = perSecond / barePerSecond
    console.log(`  anchor: Medusa's bare capturePaymentWorkflow on ${bareCaptures} identical orders: ${bareSeconds.toFixed(1)} s, ${barePerSecond.toFixed(1)} captures/s, ${(results.reduce((s, r) => s + r.bare.cpu_ms_per_capture, 0) / results.length).toFixed(0)} ms CPU and ${(results.reduce((s, r) => s + r.bare.sql_per_capture, 0) / results.length).toFixed(1)} SQL statements per capture`)
    console.log(`  ratio booking / bare capture in this run (${order}, each path in another slot): ${ratio.toFixed(2)}`)
    if (results.every((r) => r.notices)) {
      const noticeSeconds = (Math.max(...results.map((r) => r.notices!.ended_at)) - Math.min(...results.map((r) => r.notices!.started_at))) / 1000
      const sent = results.reduce((sum, r) => sum + r.notices!.notices - r.notices!.failed, 0)
      const failedNotices = results.reduce((sum, r) => sum + r.notices!.failed, 0)
      const noticesPerSecond = sent / noticeSeconds
      const withNotices = 1 / (1 / perSecond + 1 / noticesPerSecond)
      console.log(
        `  payment-received notices (the payment_booked subscriber, kept out of the booking phase; in production it runs in the worker): ${sent} sent, ${failedNotices} failed, ${noticeSeconds.toFixed(1)} s, ${noticesPerSecond.toFixed(1)}/s, ${(results.reduce((s, r) => s + r.notices!.cpu_ms_per_notice, 0) / results.length).toFixed(0)} ms CPU and ${(results.reduce((s, r) => s + r.notices!.sql_per_notice, 0) / results.length).toFixed(1)} SQL statements per notice`
      )
      console.log(`  booking and its notice one after the other: ${withNotices.toFixed(1)}/s, ratio to bare capture ${(withNotices / barePerSecond).toFixed(2)}`)
    } else {
      console.log("  payment-received notices ran inside the booking phase (BENCH_INLINE_NOTICES)")
    }
    if (repeat) {
      console.log(`  booking 100 of them again: ${repeat.already_booked} reported already booked, ${repeat.per_second.toFixed(1)}/s`)
    }
    console.log(`  (setup of ${setup.bookings} orders, payments and assignments: ${setup.setup_seconds.toFixed(0)} s)`)
    return { perSecond, barePerSecond }
  } finally {
    fs.rmSync(sync, { recursive: true, force: true })
    await sql(`drop database if exists "${DB}" with (force)`).catch(() => undefined)
  }
}

type Order = "booking-first" | "bare-first"

/**
 * The first timed phase of a process costs more than the second (one diagnostic: 84 ms a bare capture
 * first, 62 ms after), so by default the bench runs twice, booking first and bare first, and compares
 * each path with the other in the same slot. BENCH_ORDER=booking-first or bare-first runs one.
 */
async function main() {
  const orders: Order[] = process.env.BENCH_ORDER ? [process.env.BENCH_ORDER as Order] : ["booking-first", "bare-first"]
  const runs = new Map<Order, { perSecond: number; barePerSecond: number }>()
  for (const order of orders) {
    runs.set(order, await runOnce(order))
  }
  const a = runs.get("booking-first")
  const b = runs.get("bare-first")
  if (a && b) {
    const first = a.perSecond / b.barePerSecond
    const second = b.perSecond / a.barePerSecond
    const mean = Math.sqrt(first * second)
    console.log(`like with like: booking in the first slot ${a.perSecond.toFixed(1)}/s vs bare in the first slot ${b.barePerSecond.toFixed(1)}/s = ${first.toFixed(2)}; second slot ${b.perSecond.toFixed(1)}/s vs ${a.barePerSecond.toFixed(1)}/s = ${second.toFixed(2)}`)
    console.log(`  ratio booking / bare capture, both slots (geometric mean): ${mean.toFixed(2)}   [target >= ${RATIO_TARGET}: ${mean >= RATIO_TARGET ? "ok" : "MISSED"}]`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
