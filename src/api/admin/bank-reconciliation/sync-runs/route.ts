import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { graphList, page } from "../list-query"
import { AdminListSyncRunsType } from "../transactions/validators"

/** The import history, newest first: trigger, window, counts, skips, errors, duration. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListSyncRunsType>, res: MedusaResponse) => {
  const { account_id, status } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (account_id) {
    filters.account_id = account_id
  }
  if (status) {
    filters.status = status
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "sync_run", ...graphList(req.queryConfig), filters })
  res.json({ sync_runs: data, ...page(metadata, data) })
}
