import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { importBankTransactionsWorkflow } from "../../../../../workflows/import/import-bank-transactions"
import { operatorUserMetadata } from "../../../../../modules/bank-reconciliation/finapi/user-metadata"
import { SYNC_RUN_FIELDS } from "../query-config"
import { AdminImportBankTransactionsType } from "../validators"

/** "Get data": imports one account (or all enabled ones), optionally for a booking-date time frame. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportBankTransactionsType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await importBankTransactionsWorkflow(req.scope).run({
    input: {
      trigger: "operator",
      triggered_by: req.auth_context.actor_id,
      account_ids: body.account_id ? [body.account_id] : undefined,
      booking_date_from: body.booking_date_from ?? null,
      booking_date_to: body.booking_date_to ?? null,
      user_metadata: operatorUserMetadata(req),
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [syncRun],
  } = await query.graph({ entity: "sync_run", fields: SYNC_RUN_FIELDS, filters: { id: result.sync_run_id } })
  res.json({ sync_run: syncRun, held_count: result.counts.held })
}
