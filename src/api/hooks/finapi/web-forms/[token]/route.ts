import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../../../../modules/bank-reconciliation"
import { verifyCallbackToken } from "../../../../../modules/bank-reconciliation/callback-token"
import BankReconciliationModuleService from "../../../../../modules/bank-reconciliation/service"
import { syncBankConnectionWebFormWorkflow } from "../../../../../workflows/online-banking/sync-bank-connection-web-form"

/**
 * finAPI's `callbacks.finalised` for a web form. finAPI signs nothing, so the URL carries an
 * unguessable per-form token; the body is only a hint: the form is re-read from finAPI.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const [connectionId] = String(req.params.token).split(".", 1)
  const service = req.scope.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [connection] = await service.listBankConnections({ id: connectionId }, { select: ["id", "web_form_token_hash"] })
  if (!verifyCallbackToken(req.params.token, connection?.web_form_token_hash ?? null)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Unknown callback")
  }
  await syncBankConnectionWebFormWorkflow(req.scope).run({ input: { connection_id: connection.id } })
  res.json({ received: true })
}
