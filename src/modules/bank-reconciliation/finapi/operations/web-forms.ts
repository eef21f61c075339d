import { FinapiUserCredentials } from "../client-config"
import { BankConnectionImportRequest, WebForm, WebFormSchema } from "../schemas/web-form"
import { CallContext } from "./call-context"

/** How long a web form lives at finAPI; the token that creates it must last as long. */
export const WEB_FORM_LIFETIME_MS = 20 * 60_000

/**
 * Creates a Web Form 2.0 for importing a bank connection; show `url` to the user (valid 20 min,
 * one-time). It is created with a user token that outlives the form, or it would end INVALID_TOKEN.
 */
export function createBankConnectionImportWebForm(
  ctx: CallContext,
  user: FinapiUserCredentials,
  request: BankConnectionImportRequest
): Promise<WebForm> {
  return ctx.tokens.withUserTokenValidFor(user, WEB_FORM_LIFETIME_MS + 60_000, (token) =>
    ctx.transport.call({
      operation: "createBankConnectionImportWebForm",
      api: "webForm",
      method: "POST",
      path: "/api/webForms/bankConnectionImport",
      json: request,
      token,
      schema: WebFormSchema,
    })
  )
}

/** Reads a web form's status and payload (`bankConnectionId` once final). */
export function getWebForm(ctx: CallContext, user: FinapiUserCredentials, id: string): Promise<WebForm> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "getWebForm",
      api: "webForm",
      method: "GET",
      path: `/api/webForms/${encodeURIComponent(id)}`,
      token,
      schema: WebFormSchema,
    })
  )
}
