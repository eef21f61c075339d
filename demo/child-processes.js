const { spawn } = require("child_process")

const running = new Set()

/**
 * Starts a command in its own process group, so stopping it also stops what it
 * forks (medusa develop forks the server, which starts an esbuild service).
 * Output is prefixed with the name; stdin is closed so nothing can prompt.
 */
function startChild(name, command, args, { cwd, env, onLine } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal))
    child.on("error", (error) => resolve(error.message))
  })
  const handle = { name, child, exited, done: false }
  running.add(handle)
  exited.then(() => {
    handle.done = true
    running.delete(handle)
  })

  for (const stream of [child.stdout, child.stderr]) {
    let partial = ""
    stream.on("data", (chunk) => {
      const lines = (partial + chunk.toString("utf8")).split("\n")
      partial = lines.pop()
      for (const line of lines) {
        process.stdout.write(`[${name}] ${line}\n`)
        onLine?.(line)
      }
    })
  }
  return handle
}

/** Runs a command to the end; rejects unless it exits with 0. */
async function runChild(name, command, args, options) {
  const code = await startChild(name, command, args, options).exited
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${code})`)
  }
}

function signalGroup(handle, signal) {
  try {
    process.kill(-handle.child.pid, signal)
  } catch (error) {
    if (error.code !== "ESRCH") {
      throw error
    }
  }
}

/**
 * SIGTERM to the whole group, SIGKILL after a grace period. Members that outlive
 * the group leader are swept with SIGKILL too, so nothing is left behind.
 * SIGTERM rather than SIGINT: `medusa develop` answers SIGINT with prompts.
 */
async function stopChild(handle, graceMs = 10000) {
  if (!handle.done) {
    signalGroup(handle, "SIGTERM")
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs, "timeout"))
    await Promise.race([handle.exited, timer])
  }
  signalGroup(handle, "SIGKILL")
}

/** Stops every child still running, newest first (Medusa before its database). */
async function stopAllChildren() {
  for (const handle of [...running].reverse()) {
    await stopChild(handle)
  }
}

module.exports = { startChild, runChild, stopChild, stopAllChildren }
