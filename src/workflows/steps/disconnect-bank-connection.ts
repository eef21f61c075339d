import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isFinapiError } from "../../modules/bank-reconciliation/finapi"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { withFinapiUser } from "../finapi/finapi-user-session"

export const disconnectBankConnectionStepId = "disconnect-bank-connection"

/**
 * Deletes the bank connection at finAPI (revoking the consent) and marks it disconnected here.
 * Imported transactions and assignments stay; its accounts stop importing.
 */
export const disconnectBankConnectionStep = createStep(
  disconnectBankConnectionStepId,
  async (input: { connection_id: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const connection = await service.retrieveBankConnection(input.connection_id)
    if (connection.status === "disconnected") {
      return new StepResponse(connection)
    }
    if (connection.finapi_bank_connection_id) {
      await withFinapiUser(container, connection.interface_id, "Disconnecting the bank", async ({ client, user }) => {
        try {
          await client.deleteBankConnection(user, Number(connection.finapi_bank_connection_id))
        } catch (error) {
          // already gone at finAPI: the goal is reached
          if (!(isFinapiError(error) && error.kind === "not-found")) {
            throw error
          }
        }
      })
    }
    const accounts = await service.listBankAccounts({ connection_id: connection.id }, { select: ["id"] })
    if (accounts.length) {
      await service.updateBankAccounts(accounts.map((a) => ({ id: a.id, import_enabled: false })))
    }
    const updated = await service.updateBankConnections({
      id: connection.id,
      status: "disconnected",
      disconnected_at: new Date(),
      web_form_token_hash: null,
      // the consent is revoked and finAPI forgot the PIN with the connection
      secrets_stored: false,
      consent_expires_at: null,
    })
    return new StepResponse(updated)
  }
)
