#!/usr/bin/env node
/**
 * `npm run demo`: Postgres, the finAPI sandbox and a Medusa app with this
 * plugin and its admin, seeded once with a German store. Ctrl-C stops it all.
 * See demo/README.md.
 */
const fs = require("fs")
const path = require("path")
const credentials = require("./admin-credentials")
const { stopAllChildren } = require("./child-processes")
const { resolveDatabase } = require("./database")
const { resolveRedis } = require("./redis")
const { startFinapiSandbox } = require("./finapi-sandbox")
const { runMedusa, startMedusa } = require("./medusa-cli")
const { buildPlugin, isBuildFresh, linkPluginIntoApp } = require("./plugin-build")
const { findPublishableKey, findSeededAt, offersBankTransfer } = require("./seed-marker")
const { isAnswering, waitForHttp } = require("./wait-for-http")

const MEDUSA_URL = "http://localhost:9000"
const SANDBOX_PORT = Number(process.env.DEMO_FINAPI_PORT || 4010)
const SANDBOX_STATE = path.join(__dirname, ".data", `finapi-sandbox-${SANDBOX_PORT}.json`)
const STARTUP_TIMEOUT_MS = 180000

const started = Date.now()
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const log = (message) => console.log(`[demo] ${message} (${seconds()})`)

let stopping = false
async function shutdown(exitCode) {
  if (stopping) {
    return
  }
  stopping = true
  log("Stopping what the demo started …")
  await stopAllChildren()
  log("Stopped.")
  process.exit(exitCode)
}

async function main() {
  if (await isAnswering(`${MEDUSA_URL}/health`)) {
    throw new Error(`Something already answers on ${MEDUSA_URL}; stop it first.`)
  }

  const databaseUrl = await resolveDatabase(log)
  const redisUrl = await resolveRedis(log)

  if (process.env.DEMO_SKIP_BUILD === "1") {
    log("DEMO_SKIP_BUILD=1: using the existing plugin build in .medusa/server.")
  } else if (isBuildFresh()) {
    log("The plugin build in .medusa/server is newer than src/; not rebuilding.")
  } else {
    log("Building the plugin (medusa plugin:build) …")
    await buildPlugin().catch((error) => {
      // plugin:build exits 1 on type errors but still emits the JS; running
      // it beats refusing to start while src/ is being worked on.
      if (!isBuildFresh()) {
        throw new Error(`${error.message}: fix the errors above (the demo runs the built plugin)`)
      }
      log("Warning: the plugin build reported errors (above); starting with the JS it emitted.")
    })
  }
  linkPluginIntoApp()

  const env = {
    DATABASE_URL: databaseUrl,
    DEMO_FINAPI_URL: `http://localhost:${SANDBOX_PORT}`,
    DEMO_ADMIN_EMAIL: credentials.email,
    DEMO_ADMIN_PASSWORD: credentials.password,
    MEDUSA_DISABLE_TELEMETRY: "true",
    ...(redisUrl ? { DEMO_REDIS_URL: redisUrl } : { DEMO_REDIS_URL: "" }),
  }
  log("Running migrations …")
  await runMedusa(["db:migrate"], env)
  const seededAt = await findSeededAt(databaseUrl)
  if (seededAt && (await offersBankTransfer(databaseUrl))) {
    log(`Demo data already seeded at ${seededAt}; not seeding again.`)
  } else if (seededAt) {
    log(`Demo data seeded at ${seededAt}, before bank transfer was offered at checkout; adding it …`)
    await runMedusa(["exec", "./src/scripts/seed.ts"], env)
  } else {
    log("Seeding the demo store …")
    await runMedusa(["exec", "./src/scripts/seed.ts"], env)
  }
  // A fresh database knows no finAPI user: the sandbox starts fresh too.
  if (!seededAt && fs.existsSync(SANDBOX_STATE)) {
    fs.rmSync(SANDBOX_STATE)
  }
  const sandboxUrl = await startFinapiSandbox(SANDBOX_PORT, SANDBOX_STATE, log)
  if (sandboxUrl) {
    log(fs.existsSync(SANDBOX_STATE) ? `finAPI sandbox state restored from ${path.relative(process.cwd(), SANDBOX_STATE)}.` : "finAPI sandbox starts fresh.")
  }

  log("Starting Medusa (medusa develop) …")
  // No lint: the repo's eslint config is for the plugin, not this app.
  const medusa = startMedusa(["develop", "--no-lint"], env)
  medusa.exited.then((code) => {
    if (!stopping) {
      log(`Medusa exited (${code}).`)
      shutdown(1)
    }
  })
  const up = await waitForHttp(`${MEDUSA_URL}/health`, {
    timeoutMs: STARTUP_TIMEOUT_MS,
    stillAlive: () => !medusa.done,
  })
  if (!up) {
    throw new Error(`Medusa did not answer ${MEDUSA_URL}/health within ${STARTUP_TIMEOUT_MS / 1000} s`)
  }

  console.log(
    [
      "",
      `  finAPI demo store is up after ${seconds()}.`,
      `  Admin:    ${MEDUSA_URL}/app`,
      `  Login:    ${credentials.email} / ${credentials.password}`,
      `  Store API publishable key: ${(await findPublishableKey(databaseUrl)) ?? "not found"}`,
      `  Sandbox:  ${sandboxUrl ?? "not running"}`,
      "  Ctrl-C stops everything.",
      "",
    ].join("\n")
  )
}

process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

main().catch((error) => {
  log(`Failed: ${error.message}`)
  shutdown(1)
})
