const fs = require("fs")
const path = require("path")
const { Client } = require("pg")
const { startChild } = require("./child-processes")

const DB_NAME = process.env.DEMO_DB_NAME || "medusa-finapi-demo"
const LOCAL_SERVER = "postgres://postgres:postgres@localhost:5432"
const EMBEDDED_PORT = Number(process.env.DEMO_EMBEDDED_PG_PORT || 5433)
const EMBEDDED_DIR = path.join(__dirname, ".data", "postgres")

/**
 * Picks the Postgres the demo runs on, in the order the README promises:
 * DATABASE_URL, else a local server on localhost:5432, else an embedded one
 * under demo/.data. DEMO_EMBEDDED_PG=1 skips straight to the embedded one.
 * Returns the database URL (the database exists when this returns).
 */
async function resolveDatabase(log) {
  if (process.env.DATABASE_URL) {
    log(`Postgres: DATABASE_URL (${redact(process.env.DATABASE_URL)})`)
    await ensureDatabase(process.env.DATABASE_URL)
    return process.env.DATABASE_URL
  }

  if (process.env.DEMO_EMBEDDED_PG !== "1") {
    const url = `${LOCAL_SERVER}/${DB_NAME}`
    try {
      await ensureDatabase(url)
      log(`Postgres: local server on localhost:5432, database "${DB_NAME}"`)
      return url
    } catch (error) {
      log(`No usable Postgres on localhost:5432 (${error.message}); using the embedded one.`)
    }
  }

  await startEmbeddedPostgres(log)
  const url = `postgres://postgres:postgres@localhost:${EMBEDDED_PORT}/${DB_NAME}`
  await ensureDatabase(url)
  log(`Postgres: embedded PostgreSQL 18 on localhost:${EMBEDDED_PORT}, data in ${EMBEDDED_DIR}`)
  return url
}

/** Connects to the database, creating it first if the server lacks it. */
async function ensureDatabase(url) {
  try {
    await query(url, "select 1")
  } catch (error) {
    // 3D000 = invalid_catalog_name: the server is fine, the database is missing.
    if (error.code !== "3D000") {
      throw error
    }
    const target = new URL(url)
    const name = decodeURIComponent(target.pathname.slice(1))
    target.pathname = "/postgres"
    await query(target.toString(), `create database "${name.replace(/"/g, '""')}"`)
  }
}

async function query(url, sql) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

function startEmbeddedPostgres(log) {
  // initdb runs as the unprivileged "postgres" user when we are root; it must
  // be able to reach demo/.data (see demo/embedded-postgres.mjs).
  fs.mkdirSync(path.dirname(EMBEDDED_DIR), { recursive: true, mode: 0o755 })
  log(`Starting embedded PostgreSQL on port ${EMBEDDED_PORT} …`)
  return new Promise((resolve, reject) => {
    const handle = startChild(
      "postgres",
      process.execPath,
      [path.join(__dirname, "embedded-postgres.mjs")],
      {
        env: { DEMO_PG_DIR: EMBEDDED_DIR, DEMO_PG_PORT: String(EMBEDDED_PORT) },
        onLine: (line) => line.includes("EMBEDDED_POSTGRES_READY") && resolve(handle),
      }
    )
    handle.exited.then((code) => reject(new Error(`embedded Postgres exited (${code})`)))
  })
}

function redact(url) {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")
}

module.exports = { resolveDatabase }
