/**
 * The open items of one matching run (the import hand-off's batches, "Assign automatically"'s
 * pages), read once and kept current instead of read again per batch of 1 000 payments (ten full
 * reads of 10 000 open items for 10 000 payments at 100 000 orders).
 *
 * Kept current, before each batch:
 * - orders an auto-assign of this process planned to assign (or to take assignments from) are read
 *   again by key: what they owe after its confirmed assignments is exactly what a full read would say;
 * - orders whose summary changed meanwhile (a payment captured elsewhere, an order placed, edited,
 *   paid off or canceled) are found from the owing summaries' versions and update times, read through
 *   the plugin's partial index on the owing summaries, and read again by key;
 * - after SNAPSHOT_MAX_AGE_MS everything is read again (what no summary shows: a customer renamed,
 *   an IBAN learned from a booking, an operator's assignment elsewhere).
 * The snapshot lives in this process only, per run: another process or a retried step without it
 * reads everything, as before.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { decimal } from "../../lib/money"
import type { OpenItemInput } from "../../modules/bank-reconciliation/matching"
import { loadOpenOrders, type OpenOrders, type OrderLimit } from "./open-orders"
import { SUMMARY_PENDING_SQL } from "./open-order-rows"

/** A run's snapshot is read again in full after this long. */
export const SNAPSHOT_MAX_AGE_MS = 30_000

type Snapshot = {
  items: Map<string, OpenItemInput>
  limits: Record<string, OrderLimit>
  /** Owing summaries: order id → version and update time, as last seen, and their digest. */
  stamps: Map<string, string>
  digest: string
  /** Orders to read again before the next batch. */
  changed: Set<string>
  loadedAt: number
  /** Items in order id order, as the engine indexes them (null after a change). */
  sorted: OpenItemInput[] | null
}

const runs = new Map<string, Snapshot | null>()
let counter = 0

/** Starts a run whose batches share one snapshot; end it with endMatchingRun. */
export function startMatchingRun(): string {
  const id = `run_${process.pid}_${Date.now()}_${++counter}`
  runs.set(id, null)
  return id
}

export function endMatchingRun(id: string): void {
  runs.delete(id)
}

/**
 * Orders an auto-assign run of this process is about to change: every run of this process reads
 * them again before its next batch (a placed order's matching may run between two batches).
 */
export function markOrdersChanged(orderIds: string[]): void {
  for (const snapshot of runs.values()) {
    for (const id of orderIds) {
      snapshot?.changed.add(id)
    }
  }
}

/**
 * The confirmed assignments a batch of run `runId` has written (order and amount), taken into the
 * run's snapshot as a read by key would find them: the order owes that much less, and is no open item
 * once it owes nothing (outstanding is the summary's pending less the confirmed assignments, both with
 * two places, see open-order-rows.ts). Those orders are then not read again before the next batch
 * unless something else changed them (their summary: the stamps; `reread`: an assignment taken away).
 * Only for orders the batch marked as changed, so the item is the one the batch planned against (the
 * auto-assign lock keeps other batches out meanwhile). A batch whose writes are compensated later
 * ends its run (the error ends matchPendingTransactions and autoAssignInPages), with the snapshot.
 */
export function takeConfirmedAssignments(runId: string | undefined, confirmed: { order_id: string; amount: string }[], reread: string[] = []): void {
  const snapshot = runId ? runs.get(runId) : null
  if (!snapshot) {
    return
  }
  const paid = new Map<string, ReturnType<typeof decimal>>()
  for (const row of confirmed) {
    paid.set(row.order_id, (paid.get(row.order_id) ?? decimal(0)).plus(decimal(row.amount)))
  }
  const keep = new Set(reread)
  for (const [orderId, amount] of paid) {
    const item = snapshot.items.get(orderId)
    if (!item || keep.has(orderId) || !snapshot.changed.has(orderId)) {
      continue
    }
    const left = decimal(item.outstanding).minus(amount)
    if (left.lte(0)) {
      snapshot.items.delete(orderId)
    } else {
      snapshot.items.set(orderId, { ...item, outstanding: left.toFixed(2) })
    }
    snapshot.changed.delete(orderId)
    snapshot.sorted = null
  }
}

const STAMP_SQL = `s.version || ':' || coalesce(floor(extract(epoch from s.updated_at) * 1000000)::text, '')`

type Stamps = { digest: string; stamps: Map<string, string> }

/**
 * The owing summaries' versions and update times (a tenth of the orders, from the partial index), or
 * null when their digest is still `known`: nothing owing changed, and the 10 000 rows at 100 000
 * orders are not sent (one row instead). Digest and rows come from one snapshot of the database.
 */
async function owingStamps(pg: Knex, known?: string): Promise<Stamps | null> {
  const read = await pg.transaction(
    async (trx) => {
      await trx.raw(`set local jit = off`)
      await trx.raw(`set local enable_seqscan = off`)
      const owing = `from order_summary s where s.deleted_at is null and ${SUMMARY_PENDING_SQL} > 0`
      const [{ digest }] = (
        await trx.raw(`select coalesce(md5(string_agg(s.order_id || '=' || ${STAMP_SQL}, ',' order by s.order_id, ${STAMP_SQL})), '') as digest ${owing}`)
      ).rows as { digest: string }[]
      if (digest === known) {
        return null
      }
      const { rows } = await trx.raw(`select s.order_id, ${STAMP_SQL} as stamp ${owing}`)
      return { digest, rows: rows as { order_id: string; stamp: string }[] }
    },
    { isolationLevel: "repeatable read" }
  )
  if (!read) {
    return null
  }
  const stamps = new Map<string, string>()
  for (const row of read.rows) {
    // several versions of one order may owe: all of them make its stamp
    const before = stamps.get(row.order_id)
    stamps.set(row.order_id, before ? `${before},${row.stamp}` : row.stamp)
  }
  return { digest: read.digest, stamps }
}

const byOrderId = (a: OpenItemInput, b: OpenItemInput) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0)

function view(snapshot: Snapshot): OpenOrders {
  snapshot.sorted ??= [...snapshot.items.values()].sort(byOrderId)
  return { items: snapshot.sorted, limits: snapshot.limits }
}

async function loadSnapshot(container: MedusaContainer): Promise<Snapshot> {
  const { stamps, digest } = (await owingStamps(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)))!
  const open = await loadOpenOrders(container)
  return {
    items: new Map(open.items.map((item) => [item.orderId, item])),
    limits: open.limits,
    stamps,
    digest,
    changed: new Set(),
    loadedAt: Date.now(),
    sorted: null,
  }
}

async function refresh(container: MedusaContainer, snapshot: Snapshot): Promise<void> {
  const read = await owingStamps(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), snapshot.digest)
  if (read) {
    for (const [id, stamp] of read.stamps) {
      if (snapshot.stamps.get(id) !== stamp) {
        snapshot.changed.add(id)
      }
    }
    for (const id of snapshot.stamps.keys()) {
      if (!read.stamps.has(id)) {
        snapshot.changed.add(id)
      }
    }
    snapshot.stamps = read.stamps
    snapshot.digest = read.digest
  }
  if (!snapshot.changed.size) {
    return
  }
  const ids = [...snapshot.changed]
  snapshot.changed.clear()
  const fresh = await loadOpenOrders(container, ids)
  for (const id of ids) {
    snapshot.items.delete(id)
    delete snapshot.limits[id]
  }
  for (const item of fresh.items) {
    snapshot.items.set(item.orderId, item)
  }
  Object.assign(snapshot.limits, fresh.limits)
  snapshot.sorted = null
}

/**
 * The open items (and limits) as loadOpenOrders reads them: from the run's snapshot, kept current,
 * when the run is known in this process; read in full otherwise.
 */
export async function openItemsOfRun(container: MedusaContainer, runId?: string): Promise<OpenOrders> {
  if (!runId || !runs.has(runId)) {
    return await loadOpenOrders(container)
  }
  let snapshot = runs.get(runId)
  if (!snapshot || Date.now() - snapshot.loadedAt > SNAPSHOT_MAX_AGE_MS) {
    snapshot = await loadSnapshot(container)
    runs.set(runId, snapshot)
  } else {
    await refresh(container, snapshot)
  }
  return view(snapshot)
}
