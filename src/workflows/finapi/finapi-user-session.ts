import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import type { FinapiClient, FinapiUserCredentials } from "../../modules/bank-reconciliation/finapi"
import BankReconciliationModuleService, { interfaceSecretName } from "../../modules/bank-reconciliation/service"
import { finapiErrorToMedusa } from "./finapi-error-to-medusa"

export type FinapiUserSession = {
  client: FinapiClient
  user: FinapiUserCredentials
  service: BankReconciliationModuleService
}

/**
 * Runs `work` as the finAPI user of a connected interface, writes the call log afterwards, and
 * turns finAPI failures into MedusaErrors naming `action`.
 */
export async function withFinapiUser<T>(
  container: MedusaContainer,
  interfaceId: string,
  action: string,
  work: (session: FinapiUserSession) => Promise<T>
): Promise<T> {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const bankInterface = await service.retrieveBankInterface(interfaceId)
  if (!bankInterface.finapi_user_id || !bankInterface.encrypted_password) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${action}: the interface "${bankInterface.name}" is not connected to finAPI yet. Use "Connect to finAPI" first.`
    )
  }
  const user = { userId: bankInterface.finapi_user_id, password: await service.openSecret(bankInterface.encrypted_password, interfaceSecretName(bankInterface)) }
  const client = await service.getFinapiClient(interfaceId)
  try {
    return await work({ client, user, service })
  } catch (error) {
    throw finapiErrorToMedusa(error, action)
  } finally {
    await service.flushFinapiCallLog()
  }
}
