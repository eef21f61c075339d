import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FINAL_WEB_FORM_STATUSES } from "../../modules/bank-reconciliation/finapi"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { withFinapiUser } from "../finapi/finapi-user-session"
import { mirrorBankConnection } from "../finapi/mirror-bank-connections"
import { webFormFailureReason } from "../finapi/web-form-outcome"

export const syncBankConnectionWebFormStepId = "sync-bank-connection-web-form"

/**
 * Follows the web form of a connection (import or renewal): re-reads it from finAPI and, once it is
 * final, stores the bank connection and its accounts or the reason it failed. Safe to run any
 * number of times (callback and polling both call it).
 */
export const syncBankConnectionWebFormStep = createStep(
  syncBankConnectionWebFormStepId,
  async (input: { connection_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const connection = await service.retrieveBankConnection(input.connection_id)
    const followed = connection.web_form_id && !FINAL_WEB_FORM_STATUSES.includes(connection.web_form_status as never)
    if (!followed) {
      return new StepResponse(connection)
    }
    const updated = await withFinapiUser(container, connection.interface_id, "Following the finAPI web form", async ({ client, user }) => {
      const form = await client.getWebForm(user, connection.web_form_id!)
      const failure = webFormFailureReason(form)
      const finapiId = form.payload?.bankConnectionId
      if (form.status !== "COMPLETED" || !finapiId) {
        return service.updateBankConnections({
          id: connection.id,
          web_form_status: form.status,
          ...(failure ? { last_error: failure, status: connection.finapi_bank_connection_id ? connection.status : ("failed" as const) } : {}),
        })
      }
      const [taken] = await service.listBankConnections({
        interface_id: connection.interface_id,
        finapi_bank_connection_id: String(finapiId),
        id: { $ne: connection.id },
      })
      if (taken) {
        return service.updateBankConnections({
          id: connection.id,
          web_form_status: form.status,
          status: "failed",
          last_error: `This bank connection is already linked as "${taken.label}".`,
        })
      }
      const finapiConnection = await client.getBankConnection(user, finapiId)
      const accounts = await client.listAccounts(user, { bankConnectionIds: [finapiId] })
      await service.updateBankConnections({ id: connection.id, web_form_status: form.status, last_error: null })
      await mirrorBankConnection(service, connection.id, finapiConnection, accounts, new Date())
      return service.retrieveBankConnection(connection.id)
    })
    return new StepResponse(updated)
  }
)
