import { randomBytes } from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../../modules/bank-reconciliation"
import { isFinapiError } from "../../modules/bank-reconciliation/finapi"
import BankReconciliationModuleService, { interfaceSecretName } from "../../modules/bank-reconciliation/service"
import { finapiErrorToMedusa } from "../finapi/finapi-error-to-medusa"

export type ConnectFinapiUserStepInput = { id: string; password?: string | null }

export const connectFinapiUserStepId = "connect-finapi-user"

/** A password finAPI accepts (≤128 chars of its allowed set) that nobody has to remember. */
function generatePassword(): string {
  return randomBytes(24).toString("base64url")
}

/**
 * Connects an interface to finAPI: the first time it creates the finAPI user (with the operator's
 * password or a generated one), later it logs in with the stored (or newly given) password.
 * Success is recorded on the interface; a failure is thrown (and logged, with finAPI's calls in the
 * interface's log) and marks the interface unusable only when it has no working login.
 */
export const connectFinapiUserStep = createStep(
  connectFinapiUserStepId,
  async (input: ConnectFinapiUserStepInput, { container }) => {
    const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const bankInterface = await service.retrieveBankInterface(input.id)
    const client = await service.getFinapiClient(input.id)
    const firstTime = !bankInterface.finapi_user_id
    try {
      let userId = bankInterface.finapi_user_id
      let password = input.password || (bankInterface.encrypted_password && (await service.openSecret(bankInterface.encrypted_password, interfaceSecretName(bankInterface))))
      if (firstTime) {
        const created = await client.createUser({ password: password || generatePassword() })
        userId = created.id
        password = password || created.password
      } else if (!password) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "Connecting to finAPI: no password is stored for this interface; enter the finAPI user's password"
        )
      }
      await client.getUser({ userId: userId!, password: password! })
      const updated = await service.updateBankInterfaces({
        id: input.id,
        finapi_user_id: userId,
        encrypted_password: await service.sealSecret(password!),
        status: "connected",
        last_error: null,
        connected_at: new Date(),
      })
      return new StepResponse(updated)
    } catch (error) {
      const medusaError = finapiErrorToMedusa(error, "Connecting to finAPI")
      // A typo in a newly typed password, or finAPI being away, says nothing about the stored login:
      // imports keep using it. Only an interface without a working login, or finAPI refusing the
      // stored password, is marked unusable.
      const storedLoginRefused = !input.password && isFinapiError(error, "auth")
      if (firstTime || storedLoginRefused) {
        await service.updateBankInterfaces({ id: input.id, status: "error", last_error: medusaError.message })
      }
      logger.warn(`finAPI connect attempt for interface ${input.id} failed: ${medusaError.message}`)
      throw medusaError
    } finally {
      await service.flushFinapiCallLog()
    }
  }
)
