const net = require("net")

// Database 3 keeps the demo's queues and locks apart from whatever else uses the local Redis.
const LOCAL_REDIS_URL = "redis://127.0.0.1:6379/3"

/** True when something on 127.0.0.1:6379 answers a Redis PING within a second. */
function redisAnswers() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port: 6379 })
    const done = (answer) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once("error", () => done(false))
    socket.once("connect", () => socket.write("PING\r\n"))
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")))
  })
}

/**
 * The Redis the demo uses: DEMO_REDIS_URL when set ("none" for none), else the local one when it
 * answers. Logs which it is, and what runs in memory otherwise.
 */
async function resolveRedis(log) {
  const configured = process.env.DEMO_REDIS_URL
  if (configured === "none") {
    log("Redis: none (DEMO_REDIS_URL=none); event bus, workflow engine and locking run in memory.")
    return undefined
  }
  if (configured) {
    log(`Redis: ${configured} (DEMO_REDIS_URL) for sessions, event bus, workflow engine and locking.`)
    return configured
  }
  if (await redisAnswers()) {
    log(`Redis: local server at ${LOCAL_REDIS_URL} for sessions, event bus, workflow engine and locking.`)
    return LOCAL_REDIS_URL
  }
  log("Redis: none answers on 127.0.0.1:6379; event bus, workflow engine and locking run in memory.")
  return undefined
}

module.exports = { resolveRedis }
