/**
 * Same-decisions check for engine changes: `npx tsx bench/matching/digest.ts [--check|--write]`.
 * Runs matchTransactions on the bench's generated shops (the sizes the bench times and judges,
 * plus two option sets that reach the optional rules) and hashes every result in full (decision,
 * confidence, allocations, reasons with detail/code/params, alternatives). `--write` stores the
 * hashes in digests.json; `--check` exits 1 when any differs, so a speed-up that changes a single
 * decision, confidence or sentence is caught. After an intended behaviour change, `--write` again.
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import { matchTransactions, type MatchInput, type MatchOptionsInput } from "../../src/modules/bank-reconciliation/matching"
import { DIGESTS_FILE, recordedDigests, resultsDigest } from "./results-digest"
import { generatePayments } from "./synthetic-payments"
import { generateWorld } from "./synthetic-world"

type Case = { name: string; orders: number; transactions: number; world: number; payments: number; options?: MatchOptionsInput }

const CASES: Case[] = [
  { name: "2600x1440 seed 101", orders: 2_600, transactions: 1_440, world: 101, payments: 201 },
  { name: "2600x1440 seed 102", orders: 2_600, transactions: 1_440, world: 102, payments: 202 },
  { name: "2600x1440 seed 103", orders: 2_600, transactions: 1_440, world: 103, payments: 203 },
  { name: "1000x10000", orders: 1_000, transactions: 10_000, world: 42, payments: 7 },
  { name: "10000x10000", orders: 10_000, transactions: 10_000, world: 42, payments: 7 },
  { name: "20000x10000", orders: 20_000, transactions: 10_000, world: 42, payments: 7 },
  { name: "100000x10000", orders: 100_000, transactions: 10_000, world: 42, payments: 7 },
  {
    name: "20000x10000 shop options", orders: 20_000, transactions: 10_000, world: 42, payments: 7,
    options: {
      bankFeeTolerance: "1.50", underpaymentTolerancePercent: 2, autoPartialPayments: true, autoOverpayments: true,
      invoiceNumberPatterns: ["(RE-?2026-?\\d{5})"], nameCandidateLimit: 20, maxAmountOnlyCandidates: 5,
    },
  },
  {
    name: "2600x1440 seed 101 shuffled, tight", orders: 2_600, transactions: 1_440, world: 101, payments: 201,
    options: { autoThreshold: 0.85, minMargin: 0.1, skontoRates: [2], roundingTolerance: "0.05", batchConflictGuard: false, maxSubsetSize: 3 },
  },
]

/** With `--dump DIR`, every result is also written there (one JSON line each) to diff two versions. */
const dumpDir = process.argv.includes("--dump") ? process.argv[process.argv.indexOf("--dump") + 1] : null

function digestOf(c: Case): string {
  const world = generateWorld(c.orders, c.world)
  const labelled = generatePayments(world, c.transactions, c.payments)
  let openItems = world.orders
  if (c.name.includes("shuffled")) {
    openItems = [...openItems].reverse() // the engine must not depend on the order of the open items
  }
  const input: MatchInput = JSON.parse(JSON.stringify({ transactions: labelled.map((l) => l.transaction), openItems, options: c.options }))
  const results = matchTransactions(input).results
  if (dumpDir) {
    mkdirSync(dumpDir, { recursive: true })
    writeFileSync(join(dumpDir, `${c.name.replace(/[^A-Za-z0-9]+/g, "-")}.jsonl`), results.map((result) => `${JSON.stringify(result)}\n`).join(""))
  }
  return resultsDigest(results)
}

function main(): void {
  const digests: Record<string, string> = {}
  for (const c of CASES) {
    digests[c.name] = digestOf(c)
    console.log(`${digests[c.name].slice(0, 16)}  ${c.name}`)
  }
  if (process.argv.includes("--write")) {
    writeFileSync(DIGESTS_FILE, `${JSON.stringify(digests, null, 2)}\n`)
  } else if (process.argv.includes("--check")) {
    const expected = recordedDigests()
    const differing = CASES.filter((c) => expected[c.name] !== digests[c.name]).map((c) => c.name)
    if (differing.length) {
      console.error(`results differ from digests.json: ${differing.join(", ")}`)
      process.exit(1)
    }
    console.log("all results identical to digests.json")
  }
}

main()
