import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { connectionHealth } from "../../modules/bank-reconciliation/bank-connection-state"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import BankReconciliationModuleService from "../../modules/bank-reconciliation/service"
import { refreshBankConnectionsWorkflow } from "../online-banking/refresh-bank-connections"

export const checkBankConsentsStepId = "check-bank-consents"

/**
 * Re-reads every connected interface from finAPI (consent dates, user-action flags), then marks each
 * linked connection active / consent_expiring (≤ 14 days) / consent_expired / user_action_required.
 * An interface finAPI cannot be asked about keeps its stored dates, which are still judged.
 */
export const checkBankConsentsStep = createStep(
  checkBankConsentsStepId,
  async (input: { now?: string }, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const interfaces = await service.listBankInterfaces({ status: "connected" }, { select: ["id"] })
    const unreachable: string[] = []
    for (const bankInterface of interfaces) {
      const { errors } = await refreshBankConnectionsWorkflow(container).run({
        input: { interface_id: bankInterface.id },
        throwOnError: false,
      })
      if (errors.length) {
        unreachable.push(bankInterface.id)
      }
    }
    const linked = await service.listBankConnections({
      status: ["active", "consent_expiring", "consent_expired", "user_action_required"],
    })
    const counts = { active: 0, consent_expiring: 0, consent_expired: 0, user_action_required: 0 }
    for (const connection of linked) {
      const health = connectionHealth(
        { consentExpiresAt: connection.consent_expires_at ? new Date(connection.consent_expires_at) : null, userActionRequired: connection.user_action_required },
        now
      )
      counts[health]++
      if (health !== connection.status) {
        await service.updateBankConnections({ id: connection.id, status: health })
      }
    }
    return new StepResponse({ checked: linked.length, unreachable_interfaces: unreachable, ...counts })
  }
)
