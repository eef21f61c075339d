const path = require("path")
const { runChild, startChild } = require("./child-processes")

const CLI = require.resolve("@medusajs/cli/cli.js")
const APP_DIR = path.join(__dirname, "app")

/** Runs `medusa <args>` in the demo app and waits for it to finish. */
function runMedusa(args, env) {
  return runChild("medusa", process.execPath, [CLI, ...args], { cwd: APP_DIR, env })
}

/** Starts a long-running `medusa <args>` in the demo app. */
function startMedusa(args, env) {
  return startChild("medusa", process.execPath, [CLI, ...args], { cwd: APP_DIR, env })
}

module.exports = { runMedusa, startMedusa, APP_DIR, CLI }
