/**
 * Several real Medusa processes (`medusa exec`, this repo's medusa-config) on one Postgres, as a
 * deployment with a server and a worker runs: with the Redis event bus, workflow engine and locking
 * (Redis on 127.0.0.1:6379, or REDIS_URL), and with the default in-process locking, which does not
 * reach across processes. Then faults: a process killed after a capture and in the middle of an
 * import, finAPI answering 500 and 429, one Postgres statement failing. Afterwards the database
 * must hold what a fault-free run leaves: every incoming payment once, every assignment booked once,
 * every order's captures and paid total right, and the sync-run history saying what happened.
 */
import { spawn, type ChildProcess } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import { MEDUSA_CLI, PG_SERVER, ROOT, runNode, serverSql } from "../../bench/medusa-bench-process"
import { INTERRUPTED_RUN_MESSAGE } from "../../src/workflows/steps/create-sync-run"

jest.setTimeout(900_000)

const DB = `finapi-instances-${process.pid}`
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379"
const SANDBOX_TRANSACTIONS = 300
const MORE_TRANSACTIONS = 1500

type Assignment = { id: string; order_id: string; amount: string }

let sandbox: SandboxHandle
let db: Client
let accountId: number
let seeded: number
let sets: Record<"redis" | "inProcess" | "killed" | "statement", Assignment[]>
const timings: Record<string, number> = {}

/** Starts one Medusa process on the test database; resolves with what it printed when it exits. */
function medusa(env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> } {
  const child = spawn(process.execPath, [MEDUSA_CLI, "exec", "integration-tests/instances/instance.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `${PG_SERVER}/${DB}`,
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
      FINAPI_ACCESS_URL: sandbox.url,
      FINAPI_WEBFORM_URL: sandbox.url,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // its own process group: a kill takes the CLI and the process running the script
    detached: true,
  })
  let out = ""
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()))
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, out })))
  return { child, done }
}

async function run(env: Record<string, string>) {
  const { code, signal, out } = await medusa(env).done
  if (code !== 0) {
    throw new Error(`Medusa process (${JSON.stringify(env)}) ended with ${code ?? signal}:\n${out.slice(-3000)}`)
  }
  return out
}

function printed<T>(out: string, tag: string): T {
  const line = out.split("\n").find((l) => l.startsWith(`${tag} `))
  if (!line) {
    throw new Error(`no ${tag} in:\n${out.slice(-3000)}`)
  }
  return JSON.parse(line.slice(tag.length + 1))
}

/** Starts the processes, lets them all boot, then starts their work at the same moment. */
async function together(envs: Record<string, string>[]) {
  const go = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "instances-")), "go")
  const started = envs.map((env) => medusa({ ...env, INSTANCE_GO: go }))
  const pids = started.map((s) => s.child.pid)
  while (!pids.every((pid) => fs.existsSync(`${go}.ready-${pid}`))) {
    const ended = await Promise.race([...started.map((s) => s.done), new Promise((resolve) => setTimeout(resolve, 100, null))])
    if (ended) {
      throw new Error(`a Medusa process ended before starting its work:\n${JSON.stringify(ended).slice(-3000)}`)
    }
  }
  fs.writeFileSync(go, "")
  return Promise.all(started.map((s) => s.done))
}

const timed = async <T>(name: string, work: () => Promise<T>) => {
  const start = Date.now()
  try {
    return await work()
  } finally {
    timings[name] = Math.round((Date.now() - start) / 1000)
  }
}

/**
 * Installs a trigger that holds the matching statement (from its `from`-th occurrence on) in
 * pg_sleep, runs `work` (which kills the process waiting on it), then drops the trigger and ends
 * the held backends, so the next run does not wait for them.
 */
async function pauseWhile(when: string, work: () => Promise<void>, from = 1) {
  await db.query(`create sequence finapi_test_pause;
    create function finapi_test_pause() returns trigger language plpgsql as $$ begin
      if nextval('finapi_test_pause') >= ${from} then perform pg_sleep(60); end if; return new; end $$;
    create trigger finapi_test_pause ${when} execute function finapi_test_pause();`)
  const table = /on (\w+)/.exec(when)![1]
  try {
    await work()
  } finally {
    await db.query(`drop trigger finapi_test_pause on ${table}; drop function finapi_test_pause(); drop sequence finapi_test_pause;`)
    await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`)
  }
}

/** Polls `condition` until it holds; fails when the process ends first. */
async function until(condition: () => Promise<boolean>, ended: Promise<unknown>) {
  let over = false
  void ended.then(() => (over = true))
  while (!(await condition())) {
    if (over) {
      throw new Error("the Medusa process ended before the moment to kill it")
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** SIGKILL to the process group (the CLI and the process running the script); resolves when it is gone. */
async function killed(started: ReturnType<typeof medusa>) {
  process.kill(-started.child.pid!, "SIGKILL")
  const ended = await started.done
  expect(ended.signal).toBe("SIGKILL")
}

const options = (value: unknown) => ({ FINAPI_TEST_OPTIONS: JSON.stringify(value) })
const sql = async (text: string, values: unknown[] = []) => (await db.query(text, values)).rows

/** Per order: its captures (amounts as text) and the sum of its capture transactions (what paid_total is made of). */
async function captured(orderIds: string[]) {
  const captures = await sql(
    `select opc.order_id, c.amount::text as amount from capture c
       join payment p on p.id = c.payment_id join order_payment_collection opc on opc.payment_collection_id = p.payment_collection_id
      where opc.order_id = any($1) and c.deleted_at is null`,
    [orderIds]
  )
  const paid = await sql(
    `select order_id, sum(amount)::text as total from order_transaction where order_id = any($1) and reference = 'capture' and deleted_at is null group by order_id`,
    [orderIds]
  )
  return Object.fromEntries(
    orderIds.map((id) => [id, { captures: captures.filter((c) => c.order_id === id).map((c) => Number(c.amount)), paid_total: Number(paid.find((p) => p.order_id === id)?.total ?? 0) }])
  )
}

/** What a fault-free run leaves: every assignment booked once with its capture, one capture per order, paid_total = the payment. */
async function expectBookedOnce(set: Assignment[]) {
  const rows = await sql(`select id, status, capture_id, booking_claim from payment_assignment where id = any($1)`, [set.map((a) => a.id)])
  expect(rows.map((r) => [r.status, !!r.capture_id, r.booking_claim])).toEqual(set.map(() => ["booked", true, null]))
  expect(await captured(set.map((a) => a.order_id))).toEqual(Object.fromEntries(set.map((a) => [a.order_id, { captures: [Number(a.amount)], paid_total: Number(a.amount) }])))
  const statuses = await sql(`select status, booked_amount::text as booked, amount::text as amount from bank_transaction where id in (select transaction_id from payment_assignment where id = any($1))`, [set.map((a) => a.id)])
  expect(statuses.every((t) => t.status === "booked" && Number(t.booked) === Number(t.amount))).toBe(true)
}

async function storedCount(): Promise<number> {
  const [{ rows, ids }] = await sql(
    `select count(*)::int as rows, count(distinct finapi_transaction_id)::int as ids from bank_transaction t join bank_account a on a.id = t.account_id where a.finapi_account_id = $1`,
    [String(accountId)]
  )
  expect(rows).toBe(ids)
  return rows
}

async function expectImportedOnce(added: number) {
  expect(await storedCount()).toBe(seeded + added)
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 12, settings: { updateDelayMs: 0 } })
  await serverSql(`create database "${DB}"`)
  db = new Client({ connectionString: `${PG_SERVER}/${DB}` })
  await timed("setup", async () => {
    await runNode([MEDUSA_CLI, "db:migrate"], { DATABASE_URL: `${PG_SERVER}/${DB}`, NODE_ENV: "test", LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true" }, true)
    await db.connect()
    const setup = printed<{ accounts: { finapi_account_id: string }[]; assignments: Assignment[] }>(await run({ INSTANCE_TASK: "setup", INSTANCE_ORDERS: "20", INSTANCE_AUTO_ORDERS: "6" }), "INSTANCE_SETUP")
    accountId = Number(setup.accounts[0].finapi_account_id)
    // what the Test Bank held before (imported once in the setup), then new payments for the tests
    seeded = await storedCount()
    sandbox.control.generateTransactions(accountId, { count: SANDBOX_TRANSACTIONS, days: 3, incomingShare: 1 })
    const all = setup.assignments
    // the auto-book job books only the first set (automatic); the others are manual, booked where a test says
    sets = { redis: all.slice(0, 6), inProcess: all.slice(6, 12), killed: all.slice(12, 16), statement: all.slice(16, 20) }
  })
})

afterAll(async () => {
  console.log(`two-instance test wall times (s): ${JSON.stringify(timings)}`)
  await db?.end()
  await sandbox?.close()
  await serverSql(`drop database if exists "${DB}" with (force)`).catch(() => undefined)
})

it("two Medusa processes on Redis: the scheduled import fires in both, an operator books while the auto-book job runs; all once", async () => {
  // the last scheduled import was two minutes ago: the every-minute schedule is due in both processes
  await sql(`insert into sync_run (id, trigger, status, started_at, finished_at) values ('bsync_earlier', 'job', 'succeeded', now() - interval '2 minutes', now() - interval '2 minutes')`)
  const shared = { MEDUSA_LOCKING: "redis", MEDUSA_REDIS_URL: REDIS_URL, INSTANCE_ASSIGNMENTS: sets.redis.map((a) => a.id).join(","), ...options({ sync: { schedule: "* * * * *", autoBook: true } }) }

  const ended = await timed("redis", () =>
    together([
      { ...shared, MEDUSA_WORKER_MODE: "server", INSTANCE_JOBS: "import,operator" },
      { ...shared, MEDUSA_WORKER_MODE: "worker", INSTANCE_JOBS: "import,auto" },
    ])
  )

  expect(ended.map((e) => e.code)).toEqual([0, 0])
  await expectImportedOnce(SANDBOX_TRANSACTIONS)
  await expectBookedOnce(sets.redis)
  const runs = await sql(`select status from sync_run where trigger = 'job' and id <> 'bsync_earlier'`)
  expect(runs.length).toBeGreaterThan(0)
  expect(runs.filter((r) => r.status === "failed")).toEqual([])
})

it("two Medusa processes with the default in-process locking book the same assignments at once: each is booked once", async () => {
  const shared = { INSTANCE_ASSIGNMENTS: sets.inProcess.map((a) => a.id).join(","), INSTANCE_JOBS: "operator" }

  const ended = await timed("inProcessLocking", () => together([shared, shared]))

  expect(ended.map((e) => e.code)).toEqual([0, 0])
  await expectBookedOnce(sets.inProcess)
})

it("faults: a process killed after a capture and one in the middle of an import, finAPI 500/429, a failing Postgres statement; the next runs leave a fault-free state and say so", async () => {
  await timed("faults", async () => {
    // 1. killed while recording its first captures: Postgres holds the record until the kill comes
    await pauseWhile("before update on payment_assignment for each row when (new.status = 'booked')", async () => {
      const ids = sets.killed.map((a) => a.id)
      const booking = medusa({ INSTANCE_JOBS: "operator", INSTANCE_ASSIGNMENTS: ids.join(",") })
      await until(async () => (await sql(`select 1 from capture where created_by = any($1)`, [ids.map((id) => `finapi-booking:${id}`)])).length > 0, booking.done)
      await killed(booking)
    })
    const claimed = await sql(`select id from payment_assignment where id = any($1) and status = 'booking'`, [sets.killed.map((a) => a.id)])
    expect(claimed.length).toBeGreaterThan(0)

    // 2. killed in the middle of an import: the first page is stored, the second is held until the kill
    sandbox.control.generateTransactions(accountId, { count: MORE_TRANSACTIONS, days: 3, incomingShare: 1 })
    await pauseWhile("after insert on bank_transaction for each statement", async () => {
      const importing = medusa({ INSTANCE_JOBS: "import-now" })
      await until(async () => (await storedCount()) > seeded + SANDBOX_TRANSACTIONS, importing.done)
      await killed(importing)
    }, 2)
    const stored = await storedCount()
    expect(stored).toBeGreaterThan(seeded + SANDBOX_TRANSACTIONS)
    expect(stored).toBeLessThan(seeded + SANDBOX_TRANSACTIONS + MORE_TRANSACTIONS)

    // 3. finAPI answers 500, then 429, on the transaction pages; 4. the first booking record fails in Postgres
    sandbox.control.injectFault({ kind: "server_error", count: 1, path: "/api/v2/transactions" })
    sandbox.control.injectFault({ kind: "rate_limit", count: 1, path: "/api/v2/transactions", retryAfterSeconds: 1 })
    await db.query(`create sequence finapi_test_fault;
      create function finapi_test_fail_once() returns trigger language plpgsql as $$ begin
        if nextval('finapi_test_fault') = 1 then raise exception 'injected fault: this statement fails once'; end if; return new; end $$;
      create trigger finapi_test_fail_once before update on payment_assignment for each row when (new.status = 'booked') execute function finapi_test_fail_once();`)
    const recovery = { ...options({ sync: { autoBook: true, staleRunSeconds: 1 }, booking: { staleClaimSeconds: 1 } }) }
    await run({ ...recovery, INSTANCE_JOBS: "import-now,operator", INSTANCE_ASSIGNMENTS: sets.statement.map((a) => a.id).join(",") })
    // the claim left by the failed statement (and any other) is finished by the next job run
    await run({ ...recovery, INSTANCE_JOBS: "auto" })
    await db.query(`drop trigger finapi_test_fail_once on payment_assignment; drop function finapi_test_fail_once(); drop sequence finapi_test_fault;`)
  })

  await expectImportedOnce(SANDBOX_TRANSACTIONS + MORE_TRANSACTIONS)
  await expectBookedOnce(sets.killed)
  await expectBookedOnce(sets.statement)
  const history = await sql(`select status, errors from sync_run where trigger = 'job' order by started_at desc limit 2`)
  expect(history[0].status).toBe("succeeded")
  expect(history[1]).toEqual({ status: "failed", errors: [{ code: "interrupted", message: INTERRUPTED_RUN_MESSAGE }] })
  const calls = await sql(`select count(*)::int as n from finapi_call_log where http_status in (429, 500) or attempts > 1`)
  expect(calls[0].n).toBeGreaterThan(0)
})
