import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SYNC_RUN_FIELDS } from "../transactions/query-config"
import { AdminListSyncRunsType } from "../transactions/validators"

/** The import history, newest first: trigger, window, counts, skips, errors, duration. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListSyncRunsType>, res: MedusaResponse) => {
  const { limit, offset, account_id, status } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (account_id) {
    filters.account_id = account_id
  }
  if (status) {
    filters.status = status
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "sync_run",
    fields: SYNC_RUN_FIELDS,
    filters,
    pagination: { skip: offset, take: limit, order: { started_at: "DESC" } },
  })
  res.json({ sync_runs: data, count: metadata?.count ?? data.length, limit, offset })
}
