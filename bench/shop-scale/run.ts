/**
 * `npm run bench -- shop-scale`: the plugin's own path through a real Medusa store at a real shop's
 * size: 10 000, 30 000 and 100 000 orders (10 % unpaid, one customer per 5 orders), 10 000 incoming
 * payments at each size.
 *
 * Processes: this runner; a fresh database migrated with `medusa db:migrate`; per size one
 * `medusa exec bench/shop-scale/shop-in-medusa.ts` that grows the shop (bulk SQL copies of orders
 * Medusa's workflows made) and measures engine, auto-assign end to end and newly placed orders; and
 * one `medusa start` server (MEDUSA_WORKER_MODE=server: HTTP only) that this runner, a second
 * process on loopback, asks for a sample of seeded orders (totals and payment status must be right)
 * and times `GET /open-orders/search` and `GET /transactions` against.
 * Env: BENCH_PG_URL, BENCH_LEVELS (default "10000,30000,100000"), BENCH_PAYMENTS (10000),
 * BENCH_KEEP_DB=1 (keep the database afterwards, to EXPLAIN statements against; drop it yourself).
 * Before the requests of each size the database is vacuumed and autovacuum waited for (settle()).
 */
import { ChildProcess, spawn } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { MEDUSA_CLI as MEDUSA, PG_SERVER as SERVER, ROOT, runNode as run, serverSql as sql, withDatabase } from "../medusa-bench-process"

const DB = `medusa-finapi-bench-shop-${process.pid}`
const PORT = 4800 + (process.pid % 400)
const REQUESTS = 200
// "flat": what ten times the orders may add to a search's or list's p95 (this machine's run-to-run noise is ±30 %)
const FLAT = 1.5
const LEVELS = (process.env.BENCH_LEVELS ?? "10000,30000,100000").split(",").map(Number)

type Level = {
  orders: number
  unpaid: number
  customers: number
  payments: number
  seed_seconds: number
  open_items: number
  open_items_seconds: number
  payments_load_seconds: number
  engine_seconds: number
  engine_auto: number
  end_to_end_seconds: number
  end_to_end_rss_peak_mb: number
  outcome: { status: string; source: string; n: number }[]
  placed_p50_ms: number
  placed_p95_ms: number
  placed_matched: number
  placed: number
  projection_seconds: number
  sample: { id: string; total: number; unpaid: boolean }[]
  search_names: string[]
  search_numbers: number[]
  search_amounts: string[]
  token: string
}

const SERVER_LOG = path.join(os.tmpdir(), `bench-shop-scale-server-${process.pid}.log`)

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const log = fs.openSync(SERVER_LOG, "w")
  return spawn(process.execPath, [MEDUSA, "start", "--port", String(PORT)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", log, log] })
}

async function waitForServer(server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) {
      throw new Error(`the Medusa server exited with ${server.exitCode}:\n${fs.readFileSync(SERVER_LOG, "utf8").slice(-3000)}`)
    }
    if (await fetch(`http://localhost:${PORT}/health`).then((r) => r.ok, () => false)) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("the Medusa server did not come up")
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]

async function timed(urls: string[], token: string) {
  const ms: number[] = []
  for (const url of urls) {
    const t0 = performance.now()
    const res = await fetch(`http://localhost:${PORT}${url}`, { headers: { authorization: `Bearer ${token}` } })
    await res.arrayBuffer()
    ms.push(performance.now() - t0)
    if (!res.ok) {
      throw new Error(`${url}: ${res.status}`)
    }
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), ms }
}

/** A quantile of every fourth request from `kind` on (the search's kinds: name, number, amount, name and amount). */
const kindQuantile = (ms: number[], kind: number, q: number) => quantile(ms.filter((_, i) => i % 4 === kind), q)

/**
 * Before the requests are timed: the database as a shop's is between bulk writes, not in the
 * aftermath of seeding tens of thousands of orders and storing 10 000 decisions (`vacuum analyze`,
 * then until no autovacuum worker runs, at most a minute), so every size is timed in the same state.
 * Returns the seconds it took (printed with the figures).
 */
async function settle(): Promise<number> {
  const started = Date.now()
  await withDatabase(DB, async (client) => {
    await client.query(`vacuum analyze`)
    for (let i = 0; i < 120; i++) {
      const { rows } = await client.query(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker' and datname = current_database()`)
      if (rows[0].n === 0) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  })
  return (Date.now() - started) / 1000
}

/** The seeded sample as Medusa's admin API reads it: total and payment status as seeded. */
async function assertSample(level: Level) {
  for (const order of level.sample) {
    const res = await fetch(`http://localhost:${PORT}/admin/orders/${order.id}?fields=id,total,payment_status,summary.*`, { headers: { authorization: `Bearer ${level.token}` } })
    const body = (await res.json()) as { order: { total: number; payment_status: string; summary: { pending_difference: number } } }
    const expected = { total: order.total, payment_status: order.unpaid ? "not_paid" : "captured", pending: order.unpaid ? order.total : 0 }
    const actual = { total: Number(body.order?.total), payment_status: body.order?.payment_status, pending: Number(body.order?.summary?.pending_difference) }
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      throw new Error(`admin API reads seeded order ${order.id} as ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`)
    }
  }
}

function requests(level: Level) {
  const search: string[] = []
  const list: string[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const kind = i % 4
    search.push(
      kind === 0
        ? `/admin/bank-reconciliation/open-orders/search?q=${encodeURIComponent(level.search_names[i % level.search_names.length])}`
        : kind === 1
          ? `/admin/bank-reconciliation/open-orders/search?q=${level.search_numbers[i % level.search_numbers.length]}`
          : kind === 2
            ? `/admin/bank-reconciliation/open-orders/search?amount=${level.search_amounts[i % level.search_amounts.length]}`
            : `/admin/bank-reconciliation/open-orders/search?q=${encodeURIComponent(level.search_names[i % level.search_names.length])}&amount=${level.search_amounts[i % level.search_amounts.length]}`
    )
    list.push(
      kind === 0
        ? `/admin/bank-reconciliation/transactions?processed=false&limit=20`
        : kind === 1
          ? `/admin/bank-reconciliation/transactions?status=proposed&limit=20`
          : kind === 2
            ? `/admin/bank-reconciliation/transactions?processed=false&amount_min=50&amount_max=150&limit=20`
            : `/admin/bank-reconciliation/transactions?processed=false&q=${encodeURIComponent(level.search_names[i % level.search_names.length])}&limit=20`
    )
  }
  return { search, list }
}

async function main() {
  const started = Date.now()
  await sql(`create database "${DB}"`)
  const env = { DATABASE_URL: `${SERVER}/${DB}`, NODE_ENV: "test", LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true" }
  let server: ChildProcess | null = null
  const rows: (Level & { search: { p50: number; p95: number; ms: number[] }; list: { p50: number; p95: number }; load: number; settle_seconds: number })[] = []
  try {
    await run([MEDUSA, "db:migrate"], env)
    server = startServer({ ...env, MEDUSA_WORKER_MODE: "server" })
    for (const orders of LEVELS) {
      const out = await run([MEDUSA, "exec", "bench/shop-scale/shop-in-medusa.ts"], { ...env, BENCH_ORDERS: String(orders) }, true)
      const line = out.split("\n").find((l) => l.startsWith("BENCH_LEVEL "))
      if (!line) {
        throw new Error(`no result from the Medusa process:\n${out.slice(-2000)}`)
      }
      const level = JSON.parse(line.slice("BENCH_LEVEL ".length)) as Level
      await waitForServer(server)
      await assertSample(level)
      const settleSeconds = await settle()
      const { search, list } = requests(level)
      const searchFigures = await timed(search, level.token)
      const listFigures = await timed(list, level.token)
      rows.push({ ...level, search: searchFigures, list: listFigures, load: os.loadavg()[0], settle_seconds: settleSeconds })
      console.log(`  ${orders} orders done after ${((Date.now() - started) / 1000).toFixed(0)} s`)
    }
  } finally {
    server?.kill("SIGKILL")
    if (process.env.BENCH_KEEP_DB === "1") {
      console.log(`kept database ${DB}`)
    } else {
      await sql(`drop database if exists "${DB}" with (force)`).catch(() => undefined)
    }
  }
  const ok = (pass: boolean) => (pass ? "ok" : "MISSED")
  console.log(`shop-scale: ${REQUESTS} requests per figure; sample of 10 seeded orders read back through the admin API at each size (totals, payment status: as seeded)`)
  console.log("| orders | open items | payments | engine alone | auto-assign end to end | ratio | RSS peak | new order p50 / p95 | search p50 / p95 | list p50 / p95 | load |")
  console.log("|---|---|---|---|---|---|---|---|---|---|---|")
  for (const r of rows) {
    console.log(
      `| ${r.orders} | ${r.open_items} (read ${(r.open_items_seconds * 1000).toFixed(0)} ms) | ${r.payments} | ${r.engine_seconds.toFixed(2)} s | ${r.end_to_end_seconds.toFixed(1)} s | ${(r.end_to_end_seconds / r.engine_seconds).toFixed(1)} | ${r.end_to_end_rss_peak_mb.toFixed(0)} MB | ${r.placed_p50_ms.toFixed(0)} / ${r.placed_p95_ms.toFixed(0)} ms (${r.placed_matched} of ${r.placed} matched) | ${r.search.p50.toFixed(0)} / ${r.search.p95.toFixed(0)} ms | ${r.list.p50.toFixed(0)} / ${r.list.p95.toFixed(0)} ms | ${r.load.toFixed(1)} |`
    )
  }
  for (const r of rows) {
    const kinds = ["name", "number", "amount", "name and amount"].map((name, kind) => `${name} ${kindQuantile(r.search.ms, kind, 0.5).toFixed(0)} / ${kindQuantile(r.search.ms, kind, 0.95).toFixed(0)}`)
    console.log(`  ${r.orders} orders: search p50 / p95 by kind (ms, the first request of a kind included): ${kinds.join(", ")}; database settled in ${r.settle_seconds.toFixed(1)} s before`)
    console.log(`  ${r.orders} orders: decisions ${JSON.stringify(r.outcome)}, engine auto ${r.engine_auto}, seeding ${r.seed_seconds.toFixed(0)} s, search projection (the minute job) ${(r.projection_seconds * 1000).toFixed(0)} ms`)
  }
  const last = rows[rows.length - 1]
  const first = rows[0]
  console.log(`floors at ${last.orders} orders:`)
  console.log(`  auto-assign end to end ${last.end_to_end_seconds.toFixed(1)} s [<= 30 s: ${ok(last.end_to_end_seconds <= 30)}], ${(last.end_to_end_seconds / last.engine_seconds).toFixed(1)} x the engine [<= 5: ${ok(last.end_to_end_seconds <= 5 * last.engine_seconds)}]`)
  console.log(`  new order p95 ${last.placed_p95_ms.toFixed(0)} ms [<= 300: ${ok(last.placed_p95_ms <= 300)}]`)
  console.log(`  search p95 ${last.search.p95.toFixed(0)} ms, list p95 ${last.list.p95.toFixed(0)} ms [<= 100: ${ok(last.search.p95 <= 100 && last.list.p95 <= 100)}]`)
  if (rows.length > 1) {
    const growth = last.end_to_end_seconds / first.end_to_end_seconds
    console.log(`  growth ${first.orders} → ${last.orders} orders: auto-assign ${growth.toFixed(2)} x [<= 3: ${ok(growth <= 3)}], search p95 ${(last.search.p95 / first.search.p95).toFixed(2)} x, list p95 ${(last.list.p95 / first.list.p95).toFixed(2)} x [flat, <= ${FLAT} for ten times the orders: ${ok(last.search.p95 <= FLAT * first.search.p95 && last.list.p95 <= FLAT * first.list.p95)}]`)
  }
  console.log(`whole bench ${((Date.now() - started) / 1000).toFixed(0)} s [< 15 min: ${ok(Date.now() - started < 15 * 60_000)}]`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
