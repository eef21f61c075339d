import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"

import type { MatchResult } from "../../src/modules/bank-reconciliation/matching"

/** sha256 over every result in full (decision, confidence, allocations, reasons, alternatives), one JSON line each. */
export function resultsDigest(results: MatchResult[]): string {
  const hash = createHash("sha256")
  for (const result of results) {
    hash.update(`${JSON.stringify(result)}\n`)
  }
  return hash.digest("hex")
}

export const DIGESTS_FILE = join(__dirname, "digests.json")

/** The recorded digests (bench/matching/digests.json), by set name ("100000x10000", "2600x1440 seed 101"...). */
export function recordedDigests(): Record<string, string> {
  return JSON.parse(readFileSync(DIGESTS_FILE, "utf8")) as Record<string, string>
}
