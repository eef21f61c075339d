#!/usr/bin/env node
// `npm run bench`: runs every benchmark (bench/<name>/run.ts) in turn, or only those named:
// `npm run bench -- matching`. Each prints its own figures; BENCHMARKS.md records them.
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const only = process.argv.slice(2)
const benches = fs
  .readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(__dirname, entry.name, "run.ts")))
  .map((entry) => entry.name)
  .filter((name) => !only.length || only.includes(name))
  .sort()

if (!benches.length) {
  console.error(`bench: nothing to run${only.length ? ` for ${only.join(", ")}` : ""}`)
  process.exit(1)
}

let failed = 0
for (const name of benches) {
  console.log(`\n== bench/${name}`)
  const result = spawnSync("npx", ["tsx", path.join(__dirname, name, "run.ts")], { stdio: "inherit" })
  if (result.status !== 0) {
    failed++
    console.error(`bench/${name} failed (exit ${result.status})`)
  }
}
process.exit(failed ? 1 : 0)
