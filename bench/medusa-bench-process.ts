/**
 * What the Medusa benchmarks share: where the repo and the Medusa CLI are, the Postgres server a
 * bench database is created on, and running a Node process (migrations, `medusa exec`) to the end.
 */
import { spawn } from "child_process"
import path from "path"
import { Client } from "pg"

export const ROOT = path.resolve(__dirname, "..")
export const PG_SERVER = process.env.BENCH_PG_URL ?? "postgres://postgres:postgres@localhost:5432"
export const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

/** Runs one statement on the server's `postgres` database (create/drop the bench database). */
export async function serverSql(statement: string) {
  const client = new Client({ connectionString: `${PG_SERVER}/postgres` })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** Runs `node <args>` in the repo; resolves with its stdout when `capture`, rejects on a non-zero exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, capture = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"] })
    let out = ""
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()))
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited with ${code}\n${out.slice(-2000)}`))))
  })
}
