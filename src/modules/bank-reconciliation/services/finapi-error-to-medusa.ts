import { MedusaError } from "@medusajs/framework/utils"
import { isFinapiError } from "../finapi"

/** Turns a finAPI failure into a MedusaError whose type gives the right HTTP status and whose message says what to do. */
export function finapiErrorToMedusa(error: unknown, action: string): MedusaError {
  if (error instanceof MedusaError) {
    return error
  }
  if (!isFinapiError(error)) {
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${action} failed: ${(error as Error)?.message ?? error}`)
  }
  const ref = error.requestId ? ` (finAPI request id ${error.requestId})` : ""
  const detail = `${error.message}${ref}`
  switch (error.kind) {
    case "auth":
      return new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${action}: finAPI rejected the credentials: ${detail}. Check the password and connect again.`
      )
    case "not-found":
      return new MedusaError(MedusaError.Types.NOT_FOUND, `${action}: finAPI does not know this object: ${detail}`)
    case "validation":
    case "forbidden":
      return new MedusaError(MedusaError.Types.INVALID_DATA, `${action}: finAPI refused the request: ${detail}`)
    case "conflict":
      return new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `${action}: it already exists at finAPI: ${detail}`)
    case "locked":
      return new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${action}: finAPI is busy updating this bank connection: ${detail}. Try again in a minute.`
      )
    default:
      return new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `${action}: finAPI is not reachable right now: ${detail}. Nothing was changed; try again in a few minutes.`
      )
  }
}
