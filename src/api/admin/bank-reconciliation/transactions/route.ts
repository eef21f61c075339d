import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../list-query"
import { AdminListBankTransactionsType } from "./validators"

const FULLY_PROCESSED = ["booked", "ignored"]

/** The imported incoming payments with their assignments, newest booking first, filtered by status (or processed or not), account, date, amount and text. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListBankTransactionsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (q.status) {
    filters.status = q.status
  } else if (q.processed) {
    filters.status = q.processed === "true" ? FULLY_PROCESSED : { $nin: FULLY_PROCESSED }
  }
  if (q.account_id) {
    filters.account_id = q.account_id
  }
  if (q.sync_run_id) {
    filters.sync_run_id = q.sync_run_id
  }
  if (q.potential_duplicate) {
    filters.is_potential_duplicate = q.potential_duplicate === "true"
  }
  if (q.booking_date_from || q.booking_date_to) {
    filters.booking_date = {
      ...(q.booking_date_from ? { $gte: `${q.booking_date_from}T00:00:00.000Z` } : {}),
      ...(q.booking_date_to ? { $lte: `${q.booking_date_to}T23:59:59.999Z` } : {}),
    }
  }
  if (q.amount_min || q.amount_max) {
    filters.amount = { ...(q.amount_min ? { $gte: q.amount_min } : {}), ...(q.amount_max ? { $lte: q.amount_max } : {}) }
  }
  if (q.q) {
    const like = { $ilike: `%${q.q}%` }
    filters.$or = [{ purpose: like }, { counterpart_name: like }, { counterpart_iban: like }, { end_to_end_reference: like }]
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // fields among the list's columns, order one of the schema's (booking date or amount) with id after it
  const { data, metadata } = await query.graph({ entity: "bank_transaction", ...graphList(req.queryConfig), filters })
  res.json({ transactions: data, ...page(metadata, data) })
}
