import { spawn, type ChildProcess } from "child_process"
import path from "path"
import { Client } from "pg"
import credentials from "../../demo/admin-credentials"

export const DEMO_URL = "http://localhost:9000"
export const DEMO_SANDBOX_PORT = 4011

async function dropDatabase(name: string) {
  const client = new Client({ connectionString: "postgres://postgres:postgres@localhost:5432/postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${name}" with (force)`)
  } finally {
    await client.end()
  }
}

/**
 * Boots the demo store (`npm run demo`: built plugin, finAPI sandbox, Medusa with admin, seed) on a
 * fresh database (or, with `fresh: false`, again on the one a previous start left), for browser
 * tests. Resolves when the admin answers; stop() sends Ctrl-C.
 */
export async function startDemoStore(dbName: string, { timeoutMs = 1_200_000, fresh = true } = {}) {
  if (fresh) {
    await dropDatabase(dbName)
  }
  const child: ChildProcess = spawn(process.execPath, [path.resolve(__dirname, "../../demo/start.js")], {
    env: {
      ...process.env,
      DATABASE_URL: `postgres://postgres:postgres@localhost:5432/${dbName}`,
      DEMO_FINAPI_PORT: String(DEMO_SANDBOX_PORT),
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  const output: string[] = []
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGINT") // the demo's own handler stops everything it started
      reject(new Error(`demo did not start within ${timeoutMs / 1000} s:\n${output.slice(-40).join("")}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString())
      if (chunk.toString().includes("finAPI demo store is up")) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on("data", onData)
    child.stderr!.on("data", onData)
    child.on("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`demo exited (${code}) before it was up:\n${output.slice(-40).join("")}`))
    })
  })
  return {
    credentials,
    adminUrl: `${DEMO_URL}/app`,
    sandboxUrl: `http://localhost:${DEMO_SANDBOX_PORT}`,
    output: () => output.join(""),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          return resolve()
        }
        child.once("exit", () => resolve())
        child.kill("SIGINT")
      }),
  }
}
