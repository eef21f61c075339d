import { ApiFailure, sendEmpty, sendJson, type Exchange } from "../http/exchange"
import { baseUrlOf, requireCallbackUrl } from "../http/base-url"
import { pageOf, pagingJson, readPaging } from "../http/paging"
import { route } from "../http/router"
import { parseBody } from "../http/validate-body"
import { authenticate, userKeyOf } from "../tokens"
import { findBank, searchBanks, type TestBank } from "../data/test-banks"
import { createWebForm } from "../web-form-flow"
import { webFormJson } from "../views/web-form-json"
import { BankConnectionImportRequestSchema, BankConnectionUpdateWebFormRequestSchema } from "../../src/modules/bank-reconciliation/finapi/schemas"
import type { StoredWebForm } from "../model"

/** Web Form 2.0 `/api/webForms`: create an import form, read, list, delete (REFERENCE.md §5.2–5.3). */
function resolveBank(bank: { id?: number; search?: string } | undefined, allowTestBank: boolean): TestBank | null {
  if (!bank || (bank.id === undefined && bank.search === undefined)) return null
  const found = bank.id !== undefined ? [findBank(bank.id)].filter((b): b is TestBank => !!b) : searchBanks(bank.search)
  if (found.length > 1) throw new ApiFailure(422, "BANK_NOT_UNIQUE", `The search '${bank.search}' matches ${found.length} banks.`)
  if (found.length === 0 || !allowTestBank) throw new ApiFailure(422, "BANK_NOT_SUPPORTED", "The given bank is not supported.")
  return found[0]
}

function createImportForm(ex: Exchange): void {
  const token = authenticate(ex, "user")
  const body = parseBody(ex, BankConnectionImportRequestSchema)
  const finalised = body.callbacks?.finalised
  requireCallbackUrl("callbacks.finalised", finalised)
  if (body.redirectUrl !== undefined && !ex.state.settings.licensed) {
    throw new ApiFailure(422, "INVALID_REDIRECT_URL", "redirectUrl is only allowed for licensed mandators; append ?redirectUrl= to the web form URL instead.")
  }
  if (body.profileId !== undefined) throw new ApiFailure(404, "NOT_FOUND", `Profile ${body.profileId} not found`)
  const bank = resolveBank(body.bank, body.allowTestBank ?? true)
  const form = createWebForm(ex.state, {
    userKey: userKeyOf(ex),
    accessToken: token.token,
    baseUrl: baseUrlOf(ex),
    type: "BANK_CONNECTION_IMPORT",
    bankId: bank?.id ?? null,
    accountTypes: body.accountTypes ?? null,
    bankConnectionName: body.bankConnectionName ?? null,
    maxDaysForDownload: body.maxDaysForDownload,
    finalisedCallback: finalised ?? null,
    redirectUrl: body.redirectUrl ?? null,
  })
  sendJson(ex, 201, webFormJson(form))
}

/** The deprecated update form (finAPI announced its removal; tasks are the successor), kept for older clients. */
function createUpdateForm(ex: Exchange): void {
  const token = authenticate(ex, "user")
  const body = parseBody(ex, BankConnectionUpdateWebFormRequestSchema)
  const connection = ex.state.connections.get(body.bank.bankConnectionId)
  if (!connection || connection.userKey !== userKeyOf(ex)) throw new ApiFailure(404, "NOT_FOUND", `Bank connection ${body.bank.bankConnectionId} not found`)
  if (connection.busyUntil !== null) throw new ApiFailure(423, "LOCKED", "Bank connection is currently being imported or updated.")
  const finalised = body.callbacks?.finalised
  requireCallbackUrl("callbacks.finalised", finalised)
  const form = createWebForm(ex.state, {
    userKey: userKeyOf(ex),
    accessToken: token.token,
    baseUrl: baseUrlOf(ex),
    type: "BANK_CONNECTION_UPDATE",
    bankId: connection.bankId,
    bankConnectionId: connection.id,
    finalisedCallback: finalised ?? null,
  })
  sendJson(ex, 201, webFormJson(form))
}

function ownForm(ex: Exchange): StoredWebForm {
  const form = ex.state.webForms.get(ex.params.id)
  if (!form || form.userKey !== userKeyOf(ex)) throw new ApiFailure(404, "NOT_FOUND", `Web form ${ex.params.id} not found`)
  return form
}

function getForm(ex: Exchange): void {
  authenticate(ex, "user")
  sendJson(ex, 200, webFormJson(ownForm(ex)))
}

function listForms(ex: Exchange): void {
  authenticate(ex, "user")
  const paging = readPaging(ex.query)
  const descending = (ex.query.get("order") ?? "").endsWith(",desc")
  const forms = [...ex.state.webForms.values()]
    .filter((f) => f.userKey === userKeyOf(ex))
    .sort((a, b) => (descending ? b.createdAt - a.createdAt : a.createdAt - b.createdAt))
  sendJson(ex, 200, { items: pageOf(forms, paging).map(webFormJson), paging: pagingJson(paging, forms.length) })
}

function deleteForm(ex: Exchange): void {
  authenticate(ex, "user")
  ex.state.webForms.delete(ownForm(ex).id)
  sendEmpty(ex)
}

export const webFormRoutes = [
  route("POST", "/api/webForms/bankConnectionImport", createImportForm),
  route("POST", "/api/webForms/bankConnectionUpdate", createUpdateForm),
  route("GET", "/api/webForms", listForms),
  route("GET", "/api/webForms/:id", getForm),
  route("DELETE", "/api/webForms/:id", deleteForm),
]
