import { ApiFailure, sendEmpty, sendJson, type Exchange } from "../http/exchange"
import { baseUrlOf, requireCallbackUrl } from "../http/base-url"
import { pageOf, pagingJson, readPaging } from "../http/paging"
import { route } from "../http/router"
import { parseBody } from "../http/validate-body"
import { authenticate, userKeyOf } from "../tokens"
import { findBank, searchBanks, type TestBank } from "../data/test-banks"
import { createWebForm } from "../web-form-flow"
import { webFormJson } from "../views/web-form-json"
import { BankConnectionImportBody } from "../http/request-schemas"
import type { StoredWebForm } from "../model"

/**
 * Web Form 2.0 `/api/webForms`: create an import form, read, list, delete (REFERENCE.md §5.2–5.3).
 * The deprecated `POST /api/webForms/bankConnectionUpdate` is absent, as from Web Form 2.709 on: an
 * update runs as a task (routes/tasks.ts) whose form appears when the user is needed.
 */
function resolveBank(bank: { id?: number | null; search?: string | null } | null | undefined, allowTestBank: boolean): TestBank | null {
  if (!bank || (bank.id == null && bank.search == null)) return null
  const found = bank.id != null ? [findBank(bank.id)].filter((b): b is TestBank => !!b) : searchBanks(bank.search ?? undefined)
  if (found.length > 1) throw new ApiFailure(422, "BANK_NOT_UNIQUE", `The search '${bank.search}' matches ${found.length} banks.`)
  if (found.length === 0 || !allowTestBank) throw new ApiFailure(422, "BANK_NOT_SUPPORTED", "The given bank is not supported.")
  return found[0]
}

function createImportForm(ex: Exchange): void {
  const token = authenticate(ex, "user")
  const body = parseBody(ex, BankConnectionImportBody)
  const finalised = body.callbacks?.finalised
  requireCallbackUrl("callbacks.finalised", finalised)
  if (body.redirectUrl != null && !ex.state.settings.licensed) {
    throw new ApiFailure(422, "INVALID_REDIRECT_URL", "redirectUrl is only allowed for licensed mandators; append ?redirectUrl= to the web form URL instead.")
  }
  if (body.profileId != null) throw new ApiFailure(404, "NOT_FOUND", `Profile ${body.profileId} not found`)
  const bank = resolveBank(body.bank, body.allowTestBank ?? true)
  const form = createWebForm(ex.state, {
    userKey: userKeyOf(ex),
    accessToken: token.token,
    baseUrl: baseUrlOf(ex),
    type: "BANK_CONNECTION_IMPORT",
    bankId: bank?.id ?? null,
    accountTypes: body.accountTypes ?? null,
    bankConnectionName: body.bankConnectionName ?? null,
    maxDaysForDownload: body.maxDaysForDownload ?? undefined,
    finalisedCallback: finalised ?? null,
    redirectUrl: body.redirectUrl ?? null,
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
  route("GET", "/api/webForms", listForms),
  route("GET", "/api/webForms/:id", getForm),
  route("DELETE", "/api/webForms/:id", deleteForm),
]
