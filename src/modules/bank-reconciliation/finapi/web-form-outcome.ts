import type { WebForm } from "./schemas"

/** Why a finalised web form did not give us a bank connection, in the operator's words. */
export function webFormFailureReason(form: WebForm): string | null {
  const code = form.payload?.errorCode ?? null
  const message = form.payload?.errorMessage ? ` (${form.payload.errorMessage})` : ""
  switch (form.status) {
    case "ABORTED":
      return "The web form was cancelled before the bank was linked."
    case "EXPIRED":
      return "The web form expired: it is valid for 20 minutes. Link the bank again."
    case "COMPLETED_WITH_ERROR":
      if (code === "ENTITY_EXISTS") {
        return "This bank login is already linked to this interface. Use \"Refresh list\" to see it."
      }
      if (code === "BANK_SERVER_REJECTION") {
        return `The bank rejected the login${message}. Check the online-banking credentials and link the bank again.`
      }
      return `finAPI could not link the bank: ${code ?? "unknown error"}${message}.`
    default:
      return null
  }
}
