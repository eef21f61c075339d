import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { pickFields, sortKey } from "../../../list-query"
import type { PaymentTrailEntry } from "../../../../../../types/http"

/** The entry the admin reads, with `details` as the stored event holds them. */
type TrailEntry = Omit<PaymentTrailEntry, "details"> & { details: Record<string, unknown> | null }

/**
 * A payment's audit trail, oldest first (`order=-at`: newest first): its import (sync run, trigger)
 * from the payment's own row, then every stored event (suggested, assigned, confirmed, rejected,
 * ignored, undone, booked) with the admin user's e-mail or "engine" and the order's number. The
 * import is the earliest entry, so a page holds it when the page reaches that end of the trail.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [transaction],
  } = await query.graph({ entity: "bank_transaction", fields: ["id", "created_at", "sync_run_id"], filters: { id: req.params.id } })
  if (!transaction) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment "${req.params.id}" was not found; reload the list.`)
  }
  const { skip: offset = 0, take: limit = 200 } = req.queryConfig.pagination
  const [, direction] = sortKey(req.queryConfig, ["at", "ASC"])
  // the import entry is index 0 oldest first; the events fill the rest of the page
  const importFirst = direction === "ASC" && offset === 0
  const eventSkip = direction === "ASC" ? Math.max(offset - 1, 0) : offset
  const eventTake = importFirst ? limit - 1 : limit
  const { data: found, metadata } = await query.graph({
    entity: "payment_event",
    fields: ["id", "kind", "created_at", "actor_type", "actor_id", "order_id", "amount", "confidence", "details"],
    filters: { transaction_id: transaction.id },
    // take 0 would mean no limit: a page of only the import entry still asks for one row (and counts)
    pagination: { skip: eventSkip, take: Math.max(eventTake, 1), order: { created_at: direction, id: direction } },
  })
  const events = found.slice(0, eventTake)
  const eventCount = metadata?.count ?? events.length
  const importOnPage = importFirst || (direction === "DESC" && offset <= eventCount && offset + limit > eventCount)
  const { data: runs } = transaction.sync_run_id
    ? await query.graph({ entity: "sync_run", fields: ["id", "trigger", "triggered_by"], filters: { id: transaction.sync_run_id } })
    : { data: [] as { id: string; trigger: string; triggered_by: string | null }[] }
  const userIds = [...new Set([...events.map((e) => e.actor_id), runs[0]?.triggered_by].filter((id): id is string => !!id))]
  const orderIds = [...new Set(events.map((e) => e.order_id).filter((id): id is string => !!id))]
  const [{ data: users }, { data: orders }] = await Promise.all([
    userIds.length ? query.graph({ entity: "user", fields: ["id", "email"], filters: { id: userIds } }) : { data: [] as { id: string; email: string }[] },
    orderIds.length ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } }) : { data: [] as { id: string; display_id: number }[] },
  ])
  const email = new Map<string, string>(users.map((u) => [u.id, u.email] as [string, string]))
  const displayId = new Map<string, number>(orders.map((o) => [o.id, o.display_id] as [string, number]))
  const run = runs[0]
  const imported: TrailEntry[] = importOnPage ? [
    {
      id: `${transaction.id}-imported`,
      kind: "imported",
      at: new Date(transaction.created_at as Date).toISOString(),
      actor_type: "import",
      actor: run?.triggered_by ? email.get(run.triggered_by) ?? run.triggered_by : null,
      order_id: null,
      order_display_id: null,
      amount: null,
      confidence: null,
      details: run ? { sync_run_id: run.id, trigger: run.trigger } : null,
    },
  ] : []
  const stored = events.map(
      (e): TrailEntry => ({
        id: e.id,
        kind: e.kind,
        at: new Date(e.created_at as Date).toISOString(),
        actor_type: e.actor_type,
        actor: e.actor_id ? email.get(e.actor_id) ?? e.actor_id : null,
        order_id: e.order_id,
        order_display_id: e.order_id ? displayId.get(e.order_id) ?? null : null,
        amount: e.amount === null ? null : String(e.amount),
        confidence: e.confidence,
        details: (e.details as Record<string, unknown> | null) ?? null,
      })
    )
  const trail = direction === "ASC" ? [...imported, ...stored] : [...stored, ...imported]
  res.json({ events: pickFields(trail, req.queryConfig.fields), count: eventCount + 1, offset, limit })
}
