import { FinapiUserCredentials } from "../client-config"
import {
  BankConnectionImportRequest,
  BankConnectionUpdateWebFormRequest,
  WebForm,
  WebFormSchema,
} from "../schemas/web-form"
import { CallContext } from "./call-context"

/**
 * Creates a Web Form 2.0 for importing a bank connection; show `url` to the user (valid 20 min,
 * one-time). Create it with a user token that outlives the form, or it ends INVALID_TOKEN.
 */
export function createBankConnectionImportWebForm(
  ctx: CallContext,
  user: FinapiUserCredentials,
  request: BankConnectionImportRequest
): Promise<WebForm> {
  return ctx.tokens.withUserToken(user, (token) =>
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

/**
 * Creates a web form to update (re-authorise) a bank connection via the deprecated
 * `POST /api/webForms/bankConnectionUpdate`. finAPI announced its removal and Web Form 2.709 no
 * longer lists it; prefer startBackgroundUpdate, whose task yields a form when SCA is needed.
 */
export function createBankConnectionUpdateWebForm(
  ctx: CallContext,
  user: FinapiUserCredentials,
  request: BankConnectionUpdateWebFormRequest
): Promise<WebForm> {
  return ctx.tokens.withUserToken(user, (token) =>
    ctx.transport.call({
      operation: "createBankConnectionUpdateWebForm",
      api: "webForm",
      method: "POST",
      path: "/api/webForms/bankConnectionUpdate",
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
