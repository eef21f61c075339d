import { bulkEntityIds } from "../bulk-entity-ids"
import type { PaymentEventKind } from "../models/payment-event"
import type { AssignmentChange, AssignmentSnapshot } from "../types"
import { insertRowsAsJson, type Knex, rawAmount } from "./locked-sql"

export type PaymentEventInsert = {
  transaction_id: string
  kind: PaymentEventKind
  actor_type: "engine" | "user"
  actor_id?: string | null
  assignment_id?: string | null
  order_id?: string | null
  amount?: string | null
  confidence?: number | null
  details?: Record<string, unknown> | null
}

export async function insertPaymentEvents(knex: Knex, events: PaymentEventInsert[]): Promise<string[]> {
  if (!events.length) {
    return []
  }
  // ids drawn at once (generateEntityId draws one random byte per character: seconds for an import's events)
  const ids = bulkEntityIds("pevt", events.length)
  const rows = events.map((e, i) => ({
    id: ids[i],
    transaction_id: e.transaction_id,
    kind: e.kind,
    actor_type: e.actor_type,
    actor_id: e.actor_id ?? null,
    assignment_id: e.assignment_id ?? null,
    order_id: e.order_id ?? null,
    amount: e.amount ?? null,
    raw_amount: e.amount ? rawAmount(e.amount) : null,
    confidence: e.confidence ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  }))
  await insertRowsAsJson(knex, "payment_event", rows, ["raw_amount", "details"])
  return rows.map((r) => r.id)
}

export async function deletePaymentEvents(knex: Knex, ids: string[] | undefined): Promise<void> {
  if (ids?.length) {
    await knex("payment_event").whereIn("id", ids).delete()
  }
}

/** What an assignment change means for the audit trail: suggested, assigned, confirmed, amount changed, rejected, removed. */
export function assignmentEvents(
  change: AssignmentChange,
  created: { id: string; order_id: string; amount: string; source: string; status: string; confidence: number | null; confirmed_by: string | null; created_by: string | null }[],
  previous: AssignmentSnapshot[]
): PaymentEventInsert[] {
  const actor = (id: string | null | undefined) => ({ actor_type: id ? ("user" as const) : ("engine" as const), actor_id: id ?? null })
  const base = { transaction_id: change.transaction_id }
  const events: PaymentEventInsert[] = created.map((row) => ({
    ...base,
    kind: row.status === "proposed" ? "suggested" : "assigned",
    ...(row.source === "auto" ? actor(null) : actor(row.created_by ?? row.confirmed_by ?? change.actor_id)),
    assignment_id: row.id,
    order_id: row.order_id,
    amount: row.amount,
    confidence: row.confidence,
  }))
  const before = new Map(previous.map((row) => [row.id, row]))
  for (const update of change.update ?? []) {
    const row = before.get(update.id)!
    const kind: PaymentEventKind | null =
      update.status === "confirmed" ? "confirmed" : update.status === "rejected" ? (row.status === "proposed" ? "rejected" : "removed") : update.amount ? "amount_changed" : null
    if (kind) {
      const amount = update.amount ?? String(row.amount)
      events.push({ ...base, kind, ...actor(update.confirmed_by ?? change.actor_id), assignment_id: row.id, order_id: row.order_id, amount })
    }
  }
  for (const id of change.remove ?? []) {
    const row = before.get(id)!
    events.push({ ...base, kind: "removed", ...actor(change.actor_id), assignment_id: id, order_id: row.order_id, amount: String(row.amount), details: { replaced: true } })
  }
  return events
}
