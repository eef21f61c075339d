import type { StoredWebForm } from "../model"
import { findBank, ibanOf, searchBanks, DEMO_TAN } from "../data/test-banks"
import { cancelButton, escapeHtml, layout, notice } from "./layout"

/** One render function per web-form step; each posts to `/wf/{id}/{action}`. */
type Render = (form: StoredWebForm, query: URLSearchParams) => string

const action = (form: StoredWebForm, name: string) => `/wf/${escapeHtml(form.id)}/${name}`

const bankStep: Render = (form, query) => {
  const search = query.get("search")
  const results = search === null ? [] : searchBanks(search)
  const list =
    search === null
      ? ""
      : results.length === 0
        ? `<p id="bank-results-empty">No bank found for “${escapeHtml(search)}”. Try “finAPI” or “DEMO0001”.</p>`
        : `<ul id="bank-results">${results
            .map(
              (bank) => `<li><form method="post" action="${action(form, "bank")}"><input type="hidden" name="bankId" value="${bank.id}">
<button id="bank-${bank.id}" type="submit">${escapeHtml(bank.name)} (${escapeHtml(bank.blz)})</button></form></li>`
            )
            .join("")}</ul>`
  return layout(
    "Find your bank",
    "bank",
    `<form method="get" action="/wf/${escapeHtml(form.id)}">
<label for="bank-search">Bank name, BLZ, BIC or IBAN</label>
<input type="search" id="bank-search" name="search" value="${escapeHtml(search ?? "")}" autofocus>
<button id="bank-search-submit" type="submit">Search</button></form>
${list}${cancelButton(form.id)}`,
    form.id
  )
}

const loginStep: Render = (form) => {
  const bank = findBank(form.session.bankId ?? 0)
  const isUpdate = form.type === "BANK_CONNECTION_UPDATE"
  return layout(
    `Log in to ${bank?.name ?? "your bank"}`,
    "login",
    `${notice(form.session.notice)}
<p class="hint" id="demo-hint">Sandbox test bank: use <b>demo</b> / <b>demo</b> (with SCA) or <b>demo_no_msa</b> / <b>demo_no_msa</b> (without).</p>
<form method="post" action="${action(form, "login")}">
<label for="login-user">Onlinebanking-ID</label><input type="text" id="login-user" name="loginName" autocomplete="off" required>
<label for="login-pin">PIN</label><input type="password" id="login-pin" name="pin" required>
<div class="check"><input type="checkbox" id="save-pin" name="savePin" value="true"> <label for="save-pin">Save PIN</label>
<p class="muted" id="save-pin-help">Save PIN: finAPI stores the PIN and can fetch statements again for 180 days.
Without it, statements are downloaded ${isUpdate ? "now" : "once"} and every later update needs this form again.</p></div>
<button id="login-submit" type="submit">Log in</button></form>${cancelButton(form.id)}`,
    form.id
  )
}

const scaStep: Render = (form) =>
  layout(
    "Confirm with your TAN",
    "sca",
    `${notice(form.session.notice)}
<p class="hint">smsTAN: a TAN was “sent” to your phone. In the sandbox the TAN is always <b>${DEMO_TAN}</b>.</p>
<form method="post" action="${action(form, "sca")}">
<label for="tan">TAN</label><input type="text" id="tan" name="tan" inputmode="numeric" autocomplete="one-time-code" required>
<button id="tan-submit" type="submit">Confirm</button></form>${cancelButton(form.id)}`,
    form.id
  )

const redirectStep: Render = (form) =>
  layout(
    "finAPI Test Redirect Bank",
    "redirect",
    `<p>You were redirected to your bank. Do you allow finAPI to read your account data?</p>
<form method="post" action="${action(form, "redirect")}">
<button id="bank-approve" name="decision" value="approve" type="submit">Approve access</button>
<button id="bank-cancel" class="secondary" name="decision" value="cancel" type="submit">Cancel at bank</button></form>`,
    form.id
  )

const accountsStep: Render = (form) => {
  const bank = findBank(form.session.bankId ?? 0)
  const boxes = form.session.selectableAccountSlots
    .map((slot) => {
      const account = bank?.accounts[slot]
      if (!bank || !account) return ""
      return `<div class="check"><input type="checkbox" id="account-${slot}" name="account" value="${slot}" checked>
<label for="account-${slot}">${escapeHtml(account.accountName)} · ${escapeHtml(ibanOf(bank, account))} (${account.accountType})</label></div>`
    })
    .join("")
  return layout(
    "Choose your accounts",
    "accounts",
    `${notice(form.session.notice)}<form method="post" action="${action(form, "accounts")}"><fieldset id="accounts"><legend>Accounts at ${escapeHtml(bank?.name ?? "")}</legend>${boxes}</fieldset>
<button id="accounts-submit" type="submit">Import accounts</button></form>${cancelButton(form.id)}`,
    form.id
  )
}

const RESULT_TEXT: Record<string, string> = {
  COMPLETED: "Done. Your bank connection is set up; you can close this window.",
  COMPLETED_WITH_ERROR: "The bank rejected the request.",
  ABORTED: "You cancelled the process.",
  EXPIRED: "This web form has expired. Please start again from the application.",
}

const doneStep: Render = (form): string =>
  layout(
    form.status === "COMPLETED" ? "Bank connection ready" : "Web form finished",
    "done",
    `<p id="result" data-status="${form.status}">${escapeHtml(RESULT_TEXT[form.status] ?? form.status)}</p>
${form.errorMessage ? `<p class="notice" id="error-message" data-error-code="${escapeHtml(form.errorCode ?? "")}">${escapeHtml(form.errorMessage)}</p>` : ""}
${form.bankConnectionId !== null ? `<p class="muted" id="bank-connection-id">Bank connection ${form.bankConnectionId}</p>` : ""}
${embeddedResultScript(form)}`,
    form.id
  )

/** When embedded by finapi-webform2.js, tell the host element how the flow ended (no-op standalone). */
function embeddedResultScript(form: StoredWebForm): string {
  const message = JSON.stringify({ source: "finapi-sandbox-web-form", webFormId: form.id, status: form.status, errorCode: form.errorCode, errorMessage: form.errorMessage }).replace(/</g, "\\u003c")
  return `<script>if (window.parent !== window) window.parent.postMessage(${message}, "*")</script>`
}

export const STEP_PAGES: Record<StoredWebForm["step"], Render> = {
  bank: bankStep,
  login: loginStep,
  sca: scaStep,
  redirect: redirectStep,
  accounts: accountsStep,
  done: doneStep,
}

export function notFoundPage(): string {
  return layout("Web form not found", "not-found", `<p id="result" data-status="NOT_FOUND">This link is unknown or was deleted.</p>`, null)
}
