#!/usr/bin/env node
// `npm test`: builds the plugin (the built-plugin smoke test needs .medusa/server), then runs every
// jest group — unit, module, contract, HTTP, built plugin, browser — and ends with one summary line.
const { spawnSync } = require("child_process")
const fs = require("fs")
const path = require("path")

const root = path.resolve(__dirname, "..")
const resultsFile = path.join(root, ".cache", "jest-results.json")
const extraArgs = process.argv.slice(2)

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } })
  return result.status ?? 1
}

if (!process.env.SKIP_PLUGIN_BUILD) {
  if (run("npx", ["medusa", "plugin:build"]) !== 0) {
    console.error("npm test: the plugin build failed; see above")
    process.exit(1)
  }
}

fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
fs.rmSync(resultsFile, { force: true })
const status = run(
  "npx",
  ["jest", "--maxWorkers=2", "--forceExit", "--json", `--outputFile=${resultsFile}`, ...extraArgs],
  { NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "), LOG_LEVEL: process.env.LOG_LEVEL || "error" }
)

let summary = null
try {
  summary = JSON.parse(fs.readFileSync(resultsFile, "utf8"))
} catch {
  // jest died before writing results; its exit status decides
}
if (summary) {
  // a suite that crashes before its tests run counts as a failure of its own
  const brokenSuites = summary.testResults.filter(
    (suite) => suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed")
  ).length
  const skipped = summary.numPendingTests + summary.numTodoTests
  console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests + brokenSuites} failed, ${skipped} skipped`)
}
process.exit(status)
