/**
 * `npm run --silent match -- input.json`: prints the match output as JSON on stdout, exit 0;
 * exit 2 with one line on stderr for an unreadable file, bad JSON or invalid input.
 */
import { readFileSync } from "node:fs"

import { matchTransactions } from "./engine"
import { parseMatchInput } from "./input-schema"

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`)
  process.exit(2)
}

function main(argv: string[]): void {
  const path = argv.filter((arg) => arg !== "--")[0]
  if (!path) {
    fail("usage: npm run --silent match -- path/to/input.json")
  }
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (error) {
    fail(`${path}: cannot read file (${(error as NodeJS.ErrnoException).code ?? "error"})`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    fail(`${path}: invalid JSON (${(error as Error).message})`)
  }
  const parsed = parseMatchInput(raw)
  if (!parsed.ok) {
    fail(parsed.error)
  }
  process.stdout.write(`${JSON.stringify(matchTransactions(parsed.input), null, 2)}\n`)
}

main(process.argv.slice(2))
