import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { runMatchCli } from "../match-cli"

const root = join(__dirname, "../../../../..")
const cli = join(__dirname, "../cli.ts")
const fixture = (name: string) => join(__dirname, "fixtures", name)

const lines = (text: string) => text.split("\n").filter(Boolean)

/** The CLI's work in this process: what it would print and its exit code. */
function run(...args: string[]) {
  const { status, stdout, stderr } = runMatchCli(args)
  return { status, stdout, stderrLines: lines(stderr) }
}

/** The CLI as `npm run match` starts it (tsx), without npm's own stderr chatter: about a second. */
function spawnCli(...args: string[]) {
  const result = spawnSync(join(root, "node_modules/.bin/tsx"), [cli, ...args], { cwd: root, encoding: "utf8" })
  return { status: result.status, stdout: result.stdout, stderrLines: lines(result.stderr) }
}

describe("matching CLI", () => {
  // the one case that starts the process: stdout, stderr and the exit code as a shell sees them
  it("started by tsx, writes the output JSON to stdout, nothing to stderr, and exits 0", () => {
    const spawned = spawnCli(fixture("valid.json"))
    expect(spawned).toEqual({ ...run(fixture("valid.json")), status: 0, stderrLines: [] })
  }, 30_000)

  it("prints only the output JSON and exits 0 for a valid input", () => {
    const { status, stdout, stderrLines } = run(fixture("valid.json"))
    expect(status).toBe(0)
    expect(stderrLines).toEqual([])
    const output = JSON.parse(stdout)
    expect(output.results.map((r: { transactionId: string }) => r.transactionId)).toEqual(["t-1", "t-2"])
    const [first] = output.results
    expect(Object.keys(first).sort()).toEqual(["allocations", "alternatives", "confidence", "decision", "reasons", "transactionId"])
    expect(first.decision).toBe("auto")
    expect(first.allocations).toEqual([{ orderId: "order_01J", amount: "119.00" }])
    expect(first.reasons[0]).toEqual({
      signal: "invoice_number",
      detail: "'RE 1042' in purpose matches invoice INV-1042",
      code: "invoice_match",
      params: { text: "RE 1042", where: "purpose", invoice: "INV-1042", quality: "labelled" },
    })
  })

  it("exits 2 with one line naming the field for an invalid amount", () => {
    const { status, stdout, stderrLines } = run(fixture("invalid-amount.json"))
    expect(status).toBe(2)
    expect(stdout).toBe("")
    expect(stderrLines).toEqual(["transactions[1].amount: expected a decimal string"])
  })

  it("exits 2 with one line for bad JSON, a missing file or no argument", () => {
    for (const args of [[fixture("broken.json")], [fixture("missing.json")], []]) {
      const { status, stderrLines } = run(...args)
      expect(status).toBe(2)
      expect(stderrLines).toHaveLength(1)
    }
  })
})
