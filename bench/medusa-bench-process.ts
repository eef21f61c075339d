/**
 * What the Medusa benchmarks share: where the repo and the Medusa CLI are, the Postgres server a
 * bench database is created on, and running a Node process (migrations, `medusa exec`) to the end.
 */
import { spawn, spawnSync } from "child_process"
import { existsSync } from "fs"
import path from "path"
import { Client } from "pg"

export const ROOT = path.resolve(__dirname, "..")
export const PG_SERVER = process.env.BENCH_PG_URL ?? "postgres://postgres:postgres@localhost:5432"
export const MEDUSA_CLI = require.resolve("@medusajs/cli/cli.js", { paths: [ROOT] })

/** Runs `work` with its own connection to `database` on the bench's Postgres server, closed afterwards. */
export async function withDatabase<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${PG_SERVER}/${database}` })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Runs one statement on the server's `postgres` database (create/drop the bench database). */
export async function serverSql(statement: string) {
  await withDatabase("postgres", (client) => client.query(statement))
}

/** Runs `node <args>` in the repo (or `cwd`); resolves with its stdout when `capture`, rejects on a non-zero exit. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, capture = false, cwd = ROOT): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", capture ? "pipe" : "inherit", "inherit"] })
    let out = ""
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()))
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited with ${code}\n${out.slice(-2000)}`))))
  })
}

/**
 * "Built" mode: the plugin as a shop runs it. `medusa plugin:build` output (.medusa/server, the
 * published package), installed in a plain-JavaScript host app (bench/host-app) and started by the
 * Medusa CLI without ts-node (bench/medusa-production-cli.js), NODE_ENV=production. "Dev" mode is the
 * repo's own app mode: medusa-config.ts at the root, src/ compiled by ts-node (swc) as it loads.
 */
export const HOST_APP = path.join(ROOT, "bench", "host-app")
export const PRODUCTION_CLI = path.join(ROOT, "bench", "medusa-production-cli.js")

/** Builds the plugin (`medusa plugin:build`, 20 s with the admin bundle) unless .medusa/server is newer than src/. */
export function ensurePluginBuild() {
  const { isBuildFresh } = require("../demo/plugin-build") as { isBuildFresh(): boolean }
  if (isBuildFresh()) {
    return
  }
  const built = spawnSync(process.execPath, [MEDUSA_CLI, "plugin:build"], { cwd: ROOT, stdio: "inherit" })
  if (built.status !== 0) {
    throw new Error(`medusa plugin:build exited with ${built.status}`)
  }
}

/**
 * A bench script (TypeScript that runs in `medusa exec`) as plain JavaScript for the built mode, with
 * every import of the plugin's src/ pointed at its build output: the script then drives the very
 * module instances the host app loaded from .medusa/server, and no TypeScript is compiled at run time.
 * Written under bench/.out; returns its path.
 */
export async function bundleBenchScript(entry: string): Promise<string> {
  const esbuild = require("esbuild") as typeof import("esbuild")
  const src = path.join(ROOT, "src") + path.sep
  const built = path.join(ROOT, ".medusa", "server", "src")
  const outfile = path.join(ROOT, "bench", ".out", path.basename(entry).replace(/\.ts$/, ".built.js"))
  await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "error",
    plugins: [
      {
        name: "plugin-src-to-build",
        setup(build) {
          build.onResolve({ filter: /^\./ }, (args) => {
            const target = path.resolve(args.resolveDir, args.path)
            if (!target.startsWith(src)) {
              return undefined
            }
            const rel = path.relative(src, target)
            const file = [path.join(built, `${rel}.js`), path.join(built, rel, "index.js")].find((f) => existsSync(f))
            if (!file) {
              throw new Error(`${args.path} (from ${args.importer}) is not in the plugin build`)
            }
            return { path: file, external: true }
          })
        },
      },
    ],
  })
  return outfile
}
