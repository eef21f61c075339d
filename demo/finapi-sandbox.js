const fs = require("fs")
const path = require("path")
const { startChild } = require("./child-processes")
const { waitForHttp } = require("./wait-for-http")

const SANDBOX_CLI = path.join(__dirname, "..", "sandbox", "cli.ts")
// the demo's payments for its own orders (see app/src/seed/data/bank-statement.ts)
const STATEMENT = path.join(__dirname, "app", "src", "seed", "data", "bank-statement.ts")

/**
 * Starts the local finAPI sandbox the demo's plugin options point at, with the
 * demo's statement and its state kept in `stateFile` (so a restarted demo
 * still finds the finAPI user and bank connection the plugin knows). Returns
 * its URL, or undefined when the repo has no sandbox yet or it did not come up
 * (the shop still works; only the bank features need it).
 */
async function startFinapiSandbox(port, stateFile, log) {
  if (!fs.existsSync(SANDBOX_CLI)) {
    log(`Note: ${path.relative(process.cwd(), SANDBOX_CLI)} does not exist yet; starting without the finAPI sandbox.`)
    return undefined
  }
  const url = `http://localhost:${port}`
  const handle = startChild("finapi-sandbox", process.execPath, [
    require.resolve("tsx/cli"),
    SANDBOX_CLI,
    "--port",
    String(port),
    "--statement",
    STATEMENT,
    "--state-file",
    stateFile,
  ])
  // Any HTTP answer (even 404 on "/") means it listens.
  const up = await waitForHttp(url, {
    timeoutMs: 30000,
    accept: () => true,
    stillAlive: () => !handle.done,
  })
  if (!up) {
    log("Note: the finAPI sandbox did not come up; continuing without it.")
    return undefined
  }
  return url
}

module.exports = { startFinapiSandbox }
