import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BANK_RECONCILIATION_MODULE } from "../modules/bank-reconciliation"
import type BankReconciliationModuleService from "../modules/bank-reconciliation/service"

/**
 * Key rotation, step 2 (README "Rotating the encryption key"): re-seals every stored finAPI password
 * with the current (first) encryptionKey. Run it with the new key first and the old one after:
 *   npx medusa exec ./node_modules/medusa-plugin-finapi/.medusa/server/src/scripts/reencrypt-secrets.js
 * Safe to run again; a secret no configured key opens is listed and the run fails.
 */
export default async function reencryptSecrets({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const result = await service.reencryptSecrets()
  logger.info(
    `finAPI secrets: ${result.reencrypted.length} re-encrypted with the current key, ${result.current} already current, ${result.failed.length} failed`
  )
  for (const failure of result.failed) {
    logger.error(failure.error)
  }
  if (result.failed.length) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${result.failed.length} stored secret(s) could not be re-encrypted; see above`)
  }
  return result
}
