/**
 * `npm run bench -- import`: 100 000 incoming transactions in 200 pages of the finAPI sandbox
 * imported into Postgres by a real Medusa app, then imported again (nothing new).
 *
 * Three processes, so the figures are Medusa's own: the sandbox (tsx sandbox/cli.ts), a fresh
 * database migrated with `medusa db:migrate`, and `medusa exec bench/import/import-in-medusa.ts`,
 * which boots the app from this repo's medusa-config (the test harness) and measures inside it.
 * Then a camt.053 file of BENCH_STATEMENT_ENTRIES (100 000) credits is imported in the same process,
 * beside fast-xml-parser alone on the same file.
 * Env: DATABASE_URL's server (default postgres://postgres:postgres@localhost:5432), BENCH_GENERATE.
 */
import { ChildProcess, spawn } from "child_process"
import { MEDUSA_CLI as MEDUSA, PG_SERVER as SERVER, ROOT, runNode as run, serverSql as sql } from "../medusa-bench-process"

const DB = `medusa-finapi-bench-import-${process.pid}`
const PORT = 4300 + (process.pid % 500)

async function startSandbox(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [require.resolve("tsx/cli", { paths: [ROOT] }), "sandbox/cli.ts", "--port", String(PORT)], { cwd: ROOT, stdio: "ignore" })
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${PORT}/__sandbox/state`).then(() => true, () => false)
    if (up) {
      // finAPI's bank-side update time is the bank's, not the plugin's: the sandbox finishes updates at once
      await fetch(`http://localhost:${PORT}/__sandbox/settings`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ updateDelayMs: 0 }) })
      return child
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill()
  throw new Error("the finAPI sandbox did not start")
}

async function main() {
  await sql(`create database "${DB}"`)
  const sandbox = await startSandbox()
  const env = {
    DATABASE_URL: `${SERVER}/${DB}`,
    FINAPI_ACCESS_URL: `http://localhost:${PORT}`,
    FINAPI_WEBFORM_URL: `http://localhost:${PORT}`,
    NODE_ENV: "test",
    LOG_LEVEL: "error",
    MEDUSA_DISABLE_TELEMETRY: "true",
  }
  try {
    await run([MEDUSA, "db:migrate"], env)
    // diagnostics only: BENCH_NODE_FLAGS="--trace-gc --trace-gc-nvp" for the Medusa process
    const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []
    const out = await run([...flags, MEDUSA, "exec", "bench/import/import-in-medusa.ts"], env, true)
    if (process.env.BENCH_OUT_FILE) {
      // diagnostics (e.g. NODE_OPTIONS=--trace-gc) go to stdout of the Medusa process
      require("fs").writeFileSync(process.env.BENCH_OUT_FILE, out)
    }
    const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "))
    if (!line) {
      throw new Error(`no result from the Medusa process:\n${out.slice(-2000)}`)
    }
    const r = JSON.parse(line.slice("BENCH_RESULT ".length))
    for (const live of out.split("\n").filter((l) => l.startsWith("BENCH_LIVE "))) {
      console.log(live)
    }
    const ok = (pass: boolean) => (pass ? "ok" : "MISSED")
    console.log(`import: ${r.imported} new of ${r.fetched} fetched in ${r.pages} pages (${r.filtered} filtered, ${r.held} held as potential duplicates)`)
    console.log(`  first run:   ${r.first_seconds.toFixed(1)} s, ${Math.round(r.per_second)} transactions/s   [target >= 2000: ${ok(r.per_second >= 2000)}]`)
    console.log(`  Medusa RSS:  ${r.rss_baseline_mb.toFixed(0)} MB before, peak ${r.rss_peak_mb.toFixed(0)} MB, growth ${r.rss_growth_mb.toFixed(0)} MB (JS heap in use grew ${r.heap_used_growth_mb.toFixed(0)} MB)   [target < 200 MB: ${ok(r.rss_growth_mb < 200)}]`)
    console.log(`  then:        automatic matching of the new payments (the import's event) ${r.matching_seconds.toFixed(1)} s, ${r.matching_assignments} assignments, Medusa RSS peak ${r.matching_rss_peak_mb.toFixed(0)} MB since the import began; during the matching alone ${r.matching_rss_start_mb.toFixed(0)} → peak ${r.matching_rss_own_peak_mb.toFixed(0)} MB`)
    const m = r.memory_mb as Record<string, Record<string, number>>
    const show = (at: string) => `rss ${m[at].rss}, heap ${m[at].heapUsed} used of ${m[at].heapTotal}, external ${m[at].external} (array buffers ${m[at].arrayBuffers})`
    console.log(`  memory (MB): before the import ${show("before_import")}; matching starts ${show("matching_start")}; matching's peak ${show("matching_peak")}`)
    console.log(`  second run:  ${r.second_seconds.toFixed(2)} s, ${r.second_imported} new, ${r.second_fetched} read = ${(r.second_share * 100).toFixed(1)} % of the first   [target < 5 %: ${ok(r.second_share < 0.05)}]`)
    const f = r.statement_file
    console.log(`statement file: camt.053 of ${f.entries} credits (${f.file_mb.toFixed(1)} MB) into a file-only account`)
    console.log(`  import:      ${f.import_seconds.toFixed(1)} s, ${Math.round(f.per_second)} transactions/s (finAPI above: ${Math.round(r.per_second)}/s; ratio ${(f.per_second / r.per_second).toFixed(2)})`)
    console.log(`  anchor:      fast-xml-parser alone ${f.xml_parser_seconds.toFixed(1)} s; readStatementFile (validate, parse, map) ${f.read_seconds.toFixed(1)} s = ${(f.read_seconds / f.import_seconds * 100).toFixed(0)} % of the import`)
    console.log(`  same file again: ${f.again_seconds.toFixed(1)} s, ${f.again_imported} new`)
  } finally {
    sandbox.kill()
    await sql(`drop database if exists "${DB}" with (force)`).catch(() => undefined)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
