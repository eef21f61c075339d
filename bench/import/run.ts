/**
 * `npm run bench -- import`: 100 000 incoming transactions in 200 pages of the finAPI sandbox
 * imported into Postgres by a real Medusa app, then imported again (nothing new).
 *
 * Three processes, so the figures are Medusa's own: the sandbox (tsx sandbox/cli.ts), a fresh
 * database migrated with `medusa db:migrate`, and `medusa exec bench/import/import-in-medusa.ts`,
 * which boots the app from this repo's medusa-config (the test harness) and measures inside it.
 * Then a camt.053 file of BENCH_STATEMENT_ENTRIES (100 000) credits is imported in the same process,
 * beside fast-xml-parser alone on the same file.
 *
 * It does all that twice (BENCH_IMPORT_MODES, default "dev,built"), each time on a fresh database and
 * sandbox: "dev" is the repo's app mode (medusa-config.ts, src/ compiled by ts-node as it loads, as
 * before), "built" the plugin as a shop runs it (`medusa plugin:build` output in the plain-JavaScript
 * host app bench/host-app, the CLI without ts-node, NODE_ENV=production). Beside each, the booted
 * app's memory with and without the plugin (bench/boot-memory.js, the bare-Medusa anchor).
 * Env: DATABASE_URL's server (default postgres://postgres:postgres@localhost:5432), BENCH_GENERATE.
 */
import { ChildProcess, spawn } from "child_process"
import { bundleBenchScript, ensurePluginBuild, HOST_APP, MEDUSA_CLI, PG_SERVER as SERVER, PRODUCTION_CLI, ROOT, runNode as run, serverSql as sql } from "../medusa-bench-process"
import { testBankTransferOptions } from "../../integration-tests/__fixtures__/bank-transfer-options"
import { testPluginOptions } from "../../integration-tests/__fixtures__/plugin-options"

type Mode = "dev" | "built"

async function startSandbox(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [require.resolve("tsx/cli", { paths: [ROOT] }), "sandbox/cli.ts", "--port", String(port)], { cwd: ROOT, stdio: "ignore" })
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${port}/__sandbox/state`).then(() => true, () => false)
    if (up) {
      // finAPI's bank-side update time is the bank's, not the plugin's: the sandbox finishes updates at once
      await fetch(`http://localhost:${port}/__sandbox/settings`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ updateDelayMs: 0 }) })
      return child
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill()
  throw new Error("the finAPI sandbox did not start")
}

/** How a mode starts Medusa: CLI, working directory, environment. */
function medusaFor(mode: Mode, port: number, db: string) {
  const finapi = { FINAPI_ACCESS_URL: `http://localhost:${port}`, FINAPI_WEBFORM_URL: `http://localhost:${port}` }
  const common = { DATABASE_URL: `${SERVER}/${db}`, LOG_LEVEL: "error", MEDUSA_DISABLE_TELEMETRY: "true", ...finapi }
  if (mode === "dev") {
    return { cli: MEDUSA_CLI, cwd: ROOT, env: { ...common, NODE_ENV: "test" }, bareCwd: HOST_APP }
  }
  // the host app reads the options as JSON: the test fixtures' values, pointed at this run's sandbox
  const options = { BENCH_PLUGIN_OPTIONS: JSON.stringify(testPluginOptions()), BENCH_BANK_TRANSFER_OPTIONS: JSON.stringify(testBankTransferOptions()) }
  return { cli: PRODUCTION_CLI, cwd: HOST_APP, env: { ...common, ...options, NODE_ENV: "production" }, bareCwd: HOST_APP }
}

async function measure(mode: Mode, index: number) {
  const db = `medusa-finapi-bench-import-${process.pid}-${mode}`
  const port = 4300 + ((process.pid + index) % 500)
  // the fixtures read the sandbox's URL from the environment
  process.env.FINAPI_ACCESS_URL = process.env.FINAPI_WEBFORM_URL = `http://localhost:${port}`
  const medusa = medusaFor(mode, port, db)
  const script = mode === "dev" ? "bench/import/import-in-medusa.ts" : await bundleBenchScript("bench/import/import-in-medusa.ts")
  await sql(`create database "${db}"`)
  const sandbox = await startSandbox(port)
  try {
    await run([medusa.cli, "db:migrate"], medusa.env, false, medusa.cwd)
    // the booted app's memory with the plugin and without (the bare-Medusa anchor), the same way
    const boot = async (bare: boolean) => {
      const out = await run([medusa.cli, "exec", `${ROOT}/bench/boot-memory.js`], bare ? { ...medusa.env, BENCH_BARE: "1" } : medusa.env, true, bare ? medusa.bareCwd : medusa.cwd)
      const line = out.split("\n").find((l) => l.startsWith("BENCH_BOOT "))
      return line ? (JSON.parse(line.slice("BENCH_BOOT ".length)) as Record<string, number>) : null
    }
    const bareBoot = await boot(true)
    const appBoot = await boot(false)
    // diagnostics only: BENCH_NODE_FLAGS="--trace-gc --trace-gc-nvp" for the Medusa process
    const flags = process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []
    const out = await run([...flags, medusa.cli, "exec", script], medusa.env, true, medusa.cwd)
    if (process.env.BENCH_OUT_FILE) {
      // diagnostics (e.g. NODE_OPTIONS=--trace-gc) go to stdout of the Medusa process
      require("fs").writeFileSync(`${process.env.BENCH_OUT_FILE}.${mode}`, out)
    }
    const gc = gcSummary(out)
    const line = out.split("\n").find((l) => l.startsWith("BENCH_RESULT "))
    if (!line) {
      throw new Error(`no result from the Medusa process:\n${out.slice(-2000)}`)
    }
    const r = JSON.parse(line.slice("BENCH_RESULT ".length))
    console.log(`\n-- ${mode}: ${mode === "dev" ? "the repo's app mode, src/ compiled by ts-node at load (NODE_ENV=test)" : "the built plugin (.medusa/server) in bench/host-app, no ts-node, NODE_ENV=production"}`)
    for (const live of out.split("\n").filter((l) => l.startsWith("BENCH_LIVE "))) {
      console.log(live)
    }
    const ok = (pass: boolean) => (pass ? "ok" : "MISSED")
    const b = (m: Record<string, number> | null) => (m ? `rss ${m.rss}, heap ${m.heapUsed} used of ${m.heapTotal}` : "n/a")
    console.log(`booted (medusa exec of bench/boot-memory.js, MB): bare Medusa ${b(bareBoot)}; with the plugin ${b(appBoot)}`)
    console.log(`import: ${r.imported} new of ${r.fetched} fetched in ${r.pages} pages (${r.filtered} filtered, ${r.held} held as potential duplicates)`)
    console.log(`  first run:   ${r.first_seconds.toFixed(1)} s, ${Math.round(r.per_second)} transactions/s   [target >= 2000: ${ok(r.per_second >= 2000)}]`)
    console.log(`  Medusa RSS:  ${r.rss_baseline_mb.toFixed(0)} MB before, peak ${r.rss_peak_mb.toFixed(0)} MB, growth ${r.rss_growth_mb.toFixed(0)} MB (JS heap in use grew ${r.heap_used_growth_mb.toFixed(0)} MB)   [target < 200 MB: ${ok(r.rss_growth_mb < 200)}]`)
    console.log(`  then:        automatic matching of the new payments (the import's event) ${r.matching_seconds.toFixed(1)} s, ${r.matching_assignments} assignments, Medusa RSS peak ${r.matching_rss_peak_mb.toFixed(0)} MB since the import began; during the matching alone ${r.matching_rss_start_mb.toFixed(0)} → peak ${r.matching_rss_own_peak_mb.toFixed(0)} MB   [target < 400 MB: ${ok(r.matching_rss_own_peak_mb < 400)}]`)
    const m = r.memory_mb as Record<string, Record<string, number>>
    const show = (at: string) => `rss ${m[at].rss}, heap ${m[at].heapUsed} used of ${m[at].heapTotal}, external ${m[at].external} (array buffers ${m[at].arrayBuffers})`
    console.log(`  memory (MB): before the import ${show("before_import")}; matching starts ${show("matching_start")}; matching's peak ${show("matching_peak")}`)
    console.log(`  second run:  ${r.second_seconds.toFixed(2)} s, ${r.second_imported} new, ${r.second_fetched} read = ${(r.second_share * 100).toFixed(1)} % of the first   [target < 5 %: ${ok(r.second_share < 0.05)}]`)
    if (gc) {
      const w = (name: string) => `${(gc[name].promoted / 2 ** 20).toFixed(0)} MB promoted in ${gc[name].scavenges} scavenges, ${gc[name].full} full collections`
      console.log(`  GC (--trace-gc-nvp): import ${w("import")}; import end to matching ${w("between")}; matching ${w("matching")}`)
    }
    const f = r.statement_file
    console.log(`statement file: camt.053 of ${f.entries} credits (${f.file_mb.toFixed(1)} MB) into a file-only account`)
    console.log(`  import:      ${f.import_seconds.toFixed(1)} s, ${Math.round(f.per_second)} transactions/s (finAPI above: ${Math.round(r.per_second)}/s; ratio ${(f.per_second / r.per_second).toFixed(2)})`)
    console.log(`  anchor:      fast-xml-parser alone ${f.xml_parser_seconds.toFixed(1)} s; readStatementFile (validate, parse, map) ${f.read_seconds.toFixed(1)} s = ${(f.read_seconds / f.import_seconds * 100).toFixed(0)} % of the import`)
    console.log(`  same file again: ${f.again_seconds.toFixed(1)} s, ${f.again_imported} new`)
    return { mode, bareBoot, appBoot, r }
  } finally {
    sandbox.kill()
    await sql(`drop database if exists "${db}" with (force)`).catch(() => undefined)
  }
}

/**
 * Diagnostics (BENCH_NODE_FLAGS=--trace-gc-nvp): bytes V8 promoted to the old generation and its
 * collections, per window of the Medusa process's output (import, import end to matching start, matching).
 */
function gcSummary(out: string) {
  if (!out.includes("promoted=")) {
    return null
  }
  const windows: Record<string, { promoted: number; scavenges: number; full: number }> = {}
  let window = ""
  for (const line of out.split("\n")) {
    const mark = /^BENCH_MARK (\S+)/.exec(line)
    if (mark) {
      window = { "import-start": "import", "import-end": "between", "matching-start": "matching", "matching-end": "" }[mark[1]] ?? window
      continue
    }
    const kind = / gc=(\w+)/.exec(line)?.[1]
    if (!window || !kind) {
      continue
    }
    const w = (windows[window] ??= { promoted: 0, scavenges: 0, full: 0 })
    if (kind === "s") {
      w.scavenges++
      w.promoted += Number(/ promoted=(\d+)/.exec(line)?.[1] ?? 0)
    } else if (kind === "mc" || kind === "ms") {
      w.full++
    }
  }
  for (const name of ["import", "between", "matching"]) {
    windows[name] ??= { promoted: 0, scavenges: 0, full: 0 }
  }
  return windows
}

async function main() {
  const modes = (process.env.BENCH_IMPORT_MODES ?? "dev,built").split(",").map((m) => m.trim()) as Mode[]
  if (modes.some((m) => m !== "dev" && m !== "built")) {
    throw new Error(`BENCH_IMPORT_MODES: dev and/or built, not ${modes.join(",")}`)
  }
  if (modes.includes("built")) {
    ensurePluginBuild()
  }
  const results: Awaited<ReturnType<typeof measure>>[] = []
  for (const [index, mode] of modes.entries()) {
    results.push(await measure(mode, index))
  }
  console.log("\nside by side (Medusa process RSS, MB):")
  console.log("  mode   | bare Medusa booted | app booted | before import | import peak | matching starts | matching's peak | matching s | tx/s")
  for (const { mode, bareBoot, appBoot, r } of results) {
    const cells = [bareBoot?.rss ?? "n/a", appBoot?.rss ?? "n/a", r.rss_baseline_mb.toFixed(0), r.rss_peak_mb.toFixed(0), r.matching_rss_start_mb.toFixed(0), r.matching_rss_own_peak_mb.toFixed(0), r.matching_seconds.toFixed(1), Math.round(r.per_second)]
    console.log(`  ${mode.padEnd(6)} | ${cells.join(" | ")}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
