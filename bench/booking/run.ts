/**
 * `npm run bench -- booking`: 1 000 confirmed assignments booked into real Medusa orders through the
 * booking workflow (lock, re-read, mark paid or system session + partial capture, record, event).
 *
 * A fresh database migrated with `medusa db:migrate`, then `medusa exec bench/booking/book-in-medusa.ts`
 * boots the app from this repo's medusa-config (the test harness) and measures inside it.
 * Env: BENCH_PG_URL (default postgres://postgres:postgres@localhost:5432), BENCH_BOOKINGS (1000), BENCH_WORKERS (4).
 */
import os from "os"
import { MEDUSA_CLI as MEDUSA, PG_SERVER as SERVER, ROOT, runNode as run, serverSql as sql } from "../medusa-bench-process"

const DB = `medusa-finapi-bench-booking-${process.pid}`
const TARGET_PER_SECOND = 10

async function main() {
  await sql(`create database "${DB}"`)
  const env = { DATABASE_URL: `${SERVER}/${DB}`, NODE_ENV: "test", LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true" }
  try {
    await run([MEDUSA, "db:migrate"], env)
    const out = await run([MEDUSA, "exec", "bench/booking/book-in-medusa.ts"], env, true)
    const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "))
    if (!line) {
      throw new Error(`no result from the Medusa process:\n${out.slice(-2000)}`)
    }
    const r = JSON.parse(line.slice("BENCH_RESULT ".length))
    console.log(`booking: ${r.booked} of ${r.bookings} booked, ${r.failed} failed${r.first_failure ? ` (first: ${r.first_failure})` : ""}; ${r.workers} workers`)
    console.log(`  ${r.seconds.toFixed(1)} s, ${r.per_second.toFixed(1)} bookings/s   [target >= ${TARGET_PER_SECOND}: ${r.per_second >= TARGET_PER_SECOND ? "ok" : "MISSED"}]`)
    console.log(`  Medusa process CPU: ${r.cpu_ms_per_booking.toFixed(0)} ms per booking (one Node process, ${r.workers} concurrent bookings); load average ${r.load_average.toFixed(1)} on ${os.cpus().length} cores`)
    console.log(`  booking 100 of them again: ${r.repeat_already_booked} reported already booked, ${r.repeat_per_second.toFixed(1)}/s`)
    console.log(`  (setup of ${r.bookings} orders, payments and assignments: ${r.setup_seconds.toFixed(0)} s)`)
  } finally {
    await sql(`drop database if exists "${DB}" with (force)`).catch(() => undefined)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
