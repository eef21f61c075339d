import { randomBytes } from "crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { isFinapiError } from "../finapi"
import { finapiErrorToMedusa } from "./finapi-error-to-medusa"
import { FinapiContext, interfaceSecretName } from "./finapi-gateway"

/** A password finAPI accepts (≤128 chars of its allowed set) that nobody has to remember. */
function generatePassword(): string {
  return randomBytes(24).toString("base64url")
}

/**
 * Connects an interface to finAPI: the first time it creates the finAPI user (with the operator's
 * password or a generated one), later it logs in with the stored (or newly given) password, which is
 * stored sealed. Success is recorded on the interface; a failure is thrown (and logged, with finAPI's
 * calls in the interface's log) and marks the interface unusable only when it has no working login.
 * Returns the interface without its sealed password.
 */
export async function connectFinapiUser({ gateway, store }: FinapiContext, interfaceId: string, newPassword?: string | null) {
  const bankInterface = await store.retrieveBankInterface(interfaceId)
  const client = gateway.clientFor(interfaceId)
  const firstTime = !bankInterface.finapi_user_id
  try {
    let userId = bankInterface.finapi_user_id
    let password = newPassword || (bankInterface.encrypted_password && gateway.open(bankInterface.encrypted_password, interfaceSecretName(bankInterface)))
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
    const { encrypted_password: _sealed, ...connected } = await store.updateBankInterfaces({
      id: interfaceId,
      finapi_user_id: userId,
      encrypted_password: gateway.seal(password!),
      status: "connected",
      last_error: null,
      connected_at: new Date(),
    })
    return connected
  } catch (error) {
    const medusaError = finapiErrorToMedusa(error, "Connecting to finAPI")
    // A typo in a newly typed password, or finAPI being away, says nothing about the stored login:
    // imports keep using it. Only an interface without a working login, or finAPI refusing the
    // stored password, is marked unusable.
    const storedLoginRefused = !newPassword && isFinapiError(error, "auth")
    if (firstTime || storedLoginRefused) {
      await store.updateBankInterfaces({ id: interfaceId, status: "error", last_error: medusaError.message })
    }
    gateway.logger?.warn(`finAPI connect attempt for interface ${interfaceId} failed: ${medusaError.message}`)
    throw medusaError
  } finally {
    await gateway.flush()
  }
}

/** Deletes the interface's finAPI user (and with it every bank consent at finAPI); false when it had none. Cannot be undone. */
export async function deleteFinapiUser({ gateway, store }: FinapiContext, interfaceId: string): Promise<boolean> {
  const { finapi_user_id } = await store.retrieveBankInterface(interfaceId, { select: ["finapi_user_id"] })
  if (!finapi_user_id) {
    return false
  }
  await gateway.asUser(interfaceId, "Deleting the finAPI user", ({ client, user }) => client.deleteUser(user))
  gateway.forget(interfaceId)
  return true
}
