/**
 * The hand-off from import to matching is durable: a real Medusa process imports payments and is
 * killed (SIGKILL) before the matching its event starts; a new Medusa server on the same database
 * matches them (its job picks up what still needs matching), so nothing stays unmatched.
 */
import { ChildProcess, spawn } from "child_process"
import path from "path"
import { Client } from "pg"
import { startSandbox, type SandboxHandle } from "../../sandbox/server"

jest.setTimeout(600_000)

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })
const PG = `postgres://${process.env.DB_USERNAME ?? "postgres"}:${process.env.DB_PASSWORD ?? "postgres"}@${process.env.DB_HOST ?? "localhost"}:${process.env.DB_PORT ?? 5432}`
const DB = `medusa-finapi-hand-off-${process.pid}`
const PORT = 9600 + (process.pid % 300)

async function sql<T = Record<string, unknown>>(database: string, statement: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: `${PG}/${database}` })
  await client.connect()
  try {
    return (await client.query(statement, params)).rows as T[]
  } finally {
    await client.end()
  }
}

function medusa(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, [MEDUSA, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
  let out = ""
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()))
  child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()))
  return { child, done: new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, out }))) }
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) {
      return value
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

describe("hand-off from import to matching", () => {
  let sandbox: SandboxHandle
  let server: ChildProcess | null = null
  let env: NodeJS.ProcessEnv

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7, settings: { updateDelayMs: 0 } })
    await sql("postgres", `create database "${DB}"`)
    env = {
      DATABASE_URL: `${PG}/${DB}`,
      FINAPI_ACCESS_URL: sandbox.url,
      FINAPI_WEBFORM_URL: sandbox.url,
      NODE_ENV: "test",
      LOG_LEVEL: "error",
      MEDUSA_DISABLE_TELEMETRY: "true",
    }
    const migrated = await medusa(["db:migrate"], env).done
    expect(migrated.code).toBe(0)
  })

  afterAll(async () => {
    server?.kill("SIGKILL")
    await sandbox?.close()
    await sql("postgres", `drop database if exists "${DB}" with (force)`).catch(() => undefined)
  })

  it("leaves nothing unmatched when the process dies between import and matching", async () => {
    const killed = await medusa(["exec", "integration-tests/__fixtures__/import-then-die.ts"], env).done
    expect(killed.signal).toBe("SIGKILL")
    const line = killed.out.split("\n").find((l) => l.startsWith("IMPORTED "))
    expect(line).toBeDefined()
    const { order_id, imported } = JSON.parse(line!.slice("IMPORTED ".length)) as { order_id: string; imported: number }
    // ours and what the sandbox's test bank holds already
    expect(imported).toBeGreaterThanOrEqual(301)

    // what the dead process left: every payment stored, none matched yet
    const left = await sql<{ waiting: string; assignments: string }>(
      DB,
      `select (select count(*) from bank_transaction where needs_matching) as waiting, (select count(*) from payment_assignment) as assignments`
    )
    expect(left[0]).toEqual({ waiting: String(imported), assignments: "0" })

    const started = medusa(["start", "--port", String(PORT)], env)
    server = started.child
    const matched = await until(
      "the restarted server to match the imported payments",
      async () => {
        const [row] = await sql<{ waiting: string }>(DB, `select count(*) as waiting from bank_transaction where needs_matching`)
        return row.waiting === "0"
      },
      300_000
    ).catch(async (error) => {
      server?.kill("SIGKILL")
      throw new Error(`${(error as Error).message}\n${(await Promise.race([started.done, new Promise<{ out: string }>((r) => setTimeout(() => r({ out: "" }), 2000))])).out.slice(-3000)}`)
    })
    expect(matched).toBe(true)

    const assignments = await sql<{ order_id: string; status: string; source: string; amount: string; purpose: string }>(
      DB,
      `select a.order_id, a.status, a.source, trim_scale(a.amount)::text as amount, t.purpose from payment_assignment a
         join bank_transaction t on t.id = a.transaction_id where a.deleted_at is null and a.status <> 'rejected'`
    )
    expect(assignments).toEqual([expect.objectContaining({ order_id, status: "confirmed", source: "auto", amount: "249" })])
    const statuses = await sql<{ status: string; n: string }>(DB, `select status, count(*) as n from bank_transaction group by status order by status`)
    expect(statuses).toEqual([
      { status: "assigned", n: "1" },
      { status: "unassigned", n: String(imported - 1) },
    ])
  })
})
