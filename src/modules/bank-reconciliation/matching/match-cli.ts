import { readFileSync } from "node:fs"

import { matchTransactions } from "./engine"
import { parseMatchInput } from "./input-schema"

/** What the CLI prints and its exit code: the output JSON and 0, or one line on stderr and 2. */
export type MatchCliResult = { status: 0 | 2; stdout: string; stderr: string }

function failed(message: string): MatchCliResult {
  return { status: 2, stdout: "", stderr: `${message.replace(/\s+/g, " ").trim()}\n` }
}

/** `npm run match`'s work for its arguments, without touching the process (cli.ts writes and exits). */
export function runMatchCli(argv: string[]): MatchCliResult {
  const path = argv.filter((arg) => arg !== "--")[0]
  if (!path) {
    return failed("usage: npm run --silent match -- path/to/input.json")
  }
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (error) {
    return failed(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? "error"})`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return failed(`${path}: invalid JSON (${(error as Error).message})`)
  }
  const parsed = parseMatchInput(raw)
  if (!parsed.ok) {
    return failed(parsed.error)
  }
  return { status: 0, stdout: `${JSON.stringify(matchTransactions(parsed.input), null, 2)}\n`, stderr: "" }
}
