/**
 * Matching benchmark: `npx tsx bench/matching/run.ts [--write]`.
 * Speed for 1k/10k/100k open orders and quality on labelled synthetic payments, both generated
 * deterministically (fixed seeds). `--write` stores the tables in bench/matching/RESULTS.md.
 */
import { writeFileSync } from "node:fs"
import { cpus } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"

import { matchTransactions } from "../../src/modules/bank-reconciliation/matching"
import { measureQuality, type Quality } from "./quality"
import { generatePayments } from "./synthetic-payments"
import { generateWorld } from "./synthetic-world"

const SIZES = [1_000, 10_000, 100_000]
const TRANSACTIONS = 10_000
const pct = (value: number) => `${(value * 100).toFixed(2)} %`

function timeRun(orders: number): { ms: number; quality: Quality } {
  const world = generateWorld(orders, 42)
  const labelled = generatePayments(world, TRANSACTIONS, 7)
  const input = { transactions: labelled.map((l) => l.transaction), openItems: world.orders }
  const timings: number[] = []
  let results = matchTransactions(input).results // warm-up, and the results we judge
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    results = matchTransactions(input).results
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  return { ms: timings[1], quality: measureQuality(labelled, results) }
}

function main(): void {
  const rows = SIZES.map((orders) => ({ orders, ...timeRun(orders) }))
  const speed = [
    "| open orders | transactions | time (median of 3) | per transaction |",
    "|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.orders.toLocaleString("en")} | ${TRANSACTIONS.toLocaleString("en")} | ${r.ms.toFixed(0)} ms | ${((r.ms * 1000) / TRANSACTIONS).toFixed(1)} µs |`),
  ]
  const quality = [
    "| open orders | auto precision | auto rate (certain) | suggestion accuracy | ambiguous → auto | noise → auto | autos |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(({ orders, quality: q }) => `| ${orders.toLocaleString("en")} | ${pct(q.autoPrecision)} | ${pct(q.autoRate)} (${q.certain}) | ${pct(q.suggestionAccuracy)} (${q.answers}) | ${q.ambiguousAuto} of ${q.ambiguous} | ${q.noiseAuto} of ${q.noise} | ${q.autos} |`),
  ]
  const largest = rows[rows.length - 1].quality
  const kinds = [
    `| kind (${largest.transactions.toLocaleString("en")} payments, 100k orders) | count | auto | right (auto or suggest) | wrong auto |`,
    "|---|---:|---:|---:|---:|",
    ...[...largest.byKind.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, s]) => `| ${kind} | ${s.count} | ${pct(s.auto / s.count)} | ${pct(s.right / s.count)} | ${s.wrongAuto} |`),
  ]
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}`
  const text = [
    "## Matching engine",
    "",
    `Command: \`npx tsx bench/matching/run.ts --write\` (${machine}). Synthetic shop data, fixed seeds:`,
    "1–3 open orders per customer, repeated prices, 70 % of customers with a known IBAN, namesakes,",
    "postal codes / dates / customer numbers in purposes; 10 000 incoming payments of the kinds below.",
    "",
    "### Speed",
    "",
    ...speed,
    "",
    "### Quality (contract: auto precision ≥ 99.5 %)",
    "",
    ...quality,
    "",
    ...kinds,
    "",
  ].join("\n")
  console.log(text)
  if (process.argv.includes("--write")) {
    writeFileSync(join(__dirname, "RESULTS.md"), text)
  }
}

main()
