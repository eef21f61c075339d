import fs from "node:fs"
import path from "node:path"
import type { SandboxState } from "./state"
import { createBlock, type GeneratedBlock, type GeneratedBlockSpec } from "./data/generated-transactions"

/**
 * Keeps the sandbox's state in a file across restarts (the demo's `--state-file`), as finAPI keeps
 * its users, connections and transactions: without it a restarted sandbox forgets the user the
 * plugin is connected with. Generated transaction blocks are stored as their spec and rebuilt.
 */
const VERSION = 1
const PERSISTED = ["users", "tokens", "refreshTokens", "connections", "accounts", "webForms", "tasks", "notificationRules"] as const

type Internals = { counters: Record<string, number>; transactions: StoreInternals }
type StoreInternals = { version: number; nextId: number; explicit: Map<number, unknown>; blocks: GeneratedBlock[]; deleted: Set<number>; notNew: Set<number> }

function replacer(_key: string, value: unknown) {
  if (value instanceof Map) return { __map: [...value.entries()] }
  if (value instanceof Set) return { __set: [...value.values()] }
  return value
}

function reviver(_key: string, value: unknown) {
  if (value && typeof value === "object" && "__map" in value) return new Map((value as { __map: [unknown, unknown][] }).__map)
  if (value && typeof value === "object" && "__set" in value) return new Set((value as { __set: unknown[] }).__set)
  return value
}

export function saveStateFile(state: SandboxState, file: string): void {
  const internals = state as unknown as Internals
  const store = internals.transactions
  const snapshot = {
    version: VERSION,
    seed: state.seed,
    counters: internals.counters,
    ...Object.fromEntries(PERSISTED.map((name) => [name, state[name]])),
    transactions: {
      version: store.version,
      nextId: store.nextId,
      explicit: store.explicit,
      blocks: store.blocks.map(({ cents: _c, bookingDay: _b, ...spec }) => spec),
      deleted: store.deleted,
      notNew: store.notNew,
    },
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  fs.writeFileSync(temporary, JSON.stringify(snapshot, replacer))
  fs.renameSync(temporary, file)
}

/** Loads a saved state into `state`; false when there is no file (a fresh sandbox). */
export function loadStateFile(state: SandboxState, file: string): boolean {
  if (!fs.existsSync(file)) {
    return false
  }
  const saved = JSON.parse(fs.readFileSync(file, "utf8"), reviver)
  if (saved.version !== VERSION || saved.seed !== state.seed) {
    return false
  }
  const internals = state as unknown as Internals
  internals.counters = saved.counters
  for (const name of PERSISTED) {
    Object.assign(state, { [name]: saved[name] })
  }
  const store = internals.transactions
  Object.assign(store, {
    version: saved.transactions.version,
    nextId: saved.transactions.nextId,
    explicit: saved.transactions.explicit,
    blocks: saved.transactions.blocks.map((spec: GeneratedBlockSpec) => createBlock(spec)),
    deleted: saved.transactions.deleted,
    notNew: saved.transactions.notNew,
  })
  return true
}
