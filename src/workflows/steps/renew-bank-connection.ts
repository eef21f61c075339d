import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { MIN_TASK_POLL_INTERVAL_MS, type UserMetadata } from "../../modules/bank-reconciliation/finapi"
import { withFinapiUser } from "../finapi/finapi-user-session"
import { systemUserMetadata } from "../finapi/user-metadata"
import { mirrorBankConnection } from "../finapi/mirror-bank-connections"

export const renewBankConnectionStepId = "renew-bank-connection"

export type RenewBankConnectionInput = {
  connection_id: string
  /** The operator's IP address and browser, for finAPI (PSU metadata). */
  user_metadata?: UserMetadata | null
}

export type RenewBankConnectionResult = {
  outcome: "updated" | "web_form_required" | "failed"
  web_form_url: string | null
  message: string | null
}

/**
 * "Renew": starts finAPI's background update of the connection. With a saved PIN and a valid
 * consent it completes by itself; otherwise finAPI answers WEB_FORM_REQUIRED and the operator
 * gets that form, which this connection then follows like an import form.
 */
export const renewBankConnectionStep = createStep(
  renewBankConnectionStepId,
  async (input: RenewBankConnectionInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const connection = await service.retrieveBankConnection(input.connection_id)
    if (!connection.finapi_bank_connection_id || connection.status === "disconnected") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only a linked, not disconnected bank connection can be renewed.")
    }
    const finapiId = Number(connection.finapi_bank_connection_id)
    const result = await withFinapiUser(container, connection.interface_id, "Renewing the bank connection", async ({ client, user }) => {
      const started = await client.startBackgroundUpdate(user, {
        bankConnectionId: finapiId,
        userMetadata: input.user_metadata ?? systemUserMetadata(),
      })
      // finAPI: poll a task at most once a second; up to 15 s, then the connection's state decides
      let task = started
      for (let i = 0; i < 15 && ["NOT_YET_STARTED", "IN_PROGRESS"].includes(task.status); i++) {
        await new Promise((resolve) => setTimeout(resolve, MIN_TASK_POLL_INTERVAL_MS))
        task = await client.getTask(user, started.id)
      }
      if (task.status === "WEB_FORM_REQUIRED" && task.payload?.webForm) {
        await service.updateBankConnections({
          id: connection.id,
          web_form_id: task.payload.webForm.id,
          web_form_url: task.payload.webForm.url,
          web_form_status: task.payload.webForm.status ?? "NOT_YET_OPENED",
        })
        return { outcome: "web_form_required", web_form_url: task.payload.webForm.url, message: null } as RenewBankConnectionResult
      }
      const finapiConnection = await client.getBankConnection(user, finapiId)
      const accounts = await client.listAccounts(user, { bankConnectionIds: [finapiId] })
      await mirrorBankConnection(service, connection.id, finapiConnection, accounts, new Date())
      if (task.status !== "COMPLETED") {
        const message = `finAPI could not update the connection: ${task.payload?.errorCode ?? task.status}`
        await service.updateBankConnections({ id: connection.id, last_error: message })
        return { outcome: "failed", web_form_url: null, message } as RenewBankConnectionResult
      }
      return { outcome: "updated", web_form_url: null, message: null } as RenewBankConnectionResult
    })
    return new StepResponse(result)
  }
)
