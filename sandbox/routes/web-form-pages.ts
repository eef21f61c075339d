import { formBody, redirect, sendHtml, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { checkDemoLogin, DEMO_TAN, findBank } from "../data/test-banks"
import { completeWebForm, finishWebForm, isFinal, offeredAccountSlots, openWebForm } from "../web-form-flow"
import { notFoundPage, STEP_PAGES } from "../pages/steps"
import type { StoredWebForm, WebFormStep } from "../model"

/**
 * The web form a person clicks through at the form's `url`: bank search → login
 * (with "Save PIN") → SCA (TAN or bank redirect) → accounts → done. Every POST
 * redirects (PRG); the final one honours `redirectUrl` & co. from the form URL.
 */
function showForm(ex: Exchange): void {
  const form = ex.state.webForms.get(ex.params.id)
  if (!form) return sendHtml(ex, 404, notFoundPage())
  openWebForm(form, ex.query)
  sendHtml(ex, 200, STEP_PAGES[form.step](form, ex.query))
}

/** Wraps a step's POST: unknown forms 404, finished forms and out-of-step posts go back to the page. */
function stepAction(step: WebFormStep | "any", act: (ex: Exchange, form: StoredWebForm, body: URLSearchParams) => void) {
  return (ex: Exchange) => {
    const form = ex.state.webForms.get(ex.params.id)
    if (!form) return sendHtml(ex, 404, notFoundPage())
    openWebForm(form, new URLSearchParams())
    if (!isFinal(form) && (step === "any" || form.step === step)) {
      form.session.notice = null
      act(ex, form, formBody(ex))
    }
    redirect(ex, isFinal(form) ? (redirectTarget(form) ?? `/wf/${form.id}`) : `/wf/${form.id}`)
  }
}

function redirectTarget(form: StoredWebForm): string | null {
  const { redirectUrl, errorRedirectUrl, abortRedirectUrl } = form.redirects
  if (form.status === "COMPLETED") return redirectUrl
  if (form.status === "COMPLETED_WITH_ERROR") return errorRedirectUrl ?? redirectUrl
  if (form.status === "ABORTED") return abortRedirectUrl ?? redirectUrl
  return null
}

const chooseBank = stepAction("bank", (_ex, form, body) => {
  const bank = findBank(Number(body.get("bankId")))
  if (!bank) return
  form.session.bankId = bank.id
  form.step = "login"
})

const logIn = stepAction("login", (ex, form, body) => {
  const loginName = (body.get("loginName") ?? "").trim()
  const login = checkDemoLogin(loginName, body.get("pin") ?? "")
  if (!login.ok) {
    finishWebForm(ex.state, form, "COMPLETED_WITH_ERROR", "BANK_SERVER_REJECTION", "Login failed: the bank rejected the Onlinebanking-ID or PIN.")
    return
  }
  form.session.loginName = loginName
  form.session.savePin = body.get("savePin") === "true"
  if (!login.needsSca) return afterAuthentication(ex, form)
  form.step = findBank(form.session.bankId ?? 0)?.sca === "REDIRECT" ? "redirect" : "sca"
})

const confirmTan = stepAction("sca", (ex, form, body) => {
  if ((body.get("tan") ?? "").trim() === DEMO_TAN) return afterAuthentication(ex, form)
  form.session.notice = `Wrong TAN. The sandbox TAN is ${DEMO_TAN}.`
})

const bankRedirect = stepAction("redirect", (ex, form, body) => {
  if (body.get("decision") === "approve") return afterAuthentication(ex, form)
  // finAPI: a cancel at the redirect bank looks fine until the next step, which the bank rejects.
  finishWebForm(ex.state, form, "COMPLETED_WITH_ERROR", "BANK_SERVER_REJECTION", "The authorisation was cancelled at the bank.")
})

const chooseAccounts = stepAction("accounts", (ex, form, body) => {
  const chosen = body.getAll("account").map(Number).filter((slot) => form.session.selectableAccountSlots.includes(slot))
  if (chosen.length === 0) {
    form.session.notice = "Please choose at least one account."
    return
  }
  completeWebForm(ex.state, form, chosen)
})

const cancel = stepAction("any", (ex, form) => finishWebForm(ex.state, form, "ABORTED"))

function afterAuthentication(ex: Exchange, form: StoredWebForm): void {
  if (form.type === "BANK_CONNECTION_UPDATE") return completeWebForm(ex.state, form, [])
  const slots = offeredAccountSlots(form)
  if (slots.length === 0) {
    finishWebForm(ex.state, form, "COMPLETED_WITH_ERROR", "NO_ACCOUNTS_FOR_TYPE_LIST", "The bank has no accounts of the requested types.")
    return
  }
  form.session.selectableAccountSlots = slots
  form.step = "accounts"
}

export const webFormPageRoutes = [
  route("GET", "/wf/:id", showForm),
  route("POST", "/wf/:id/bank", chooseBank),
  route("POST", "/wf/:id/login", logIn),
  route("POST", "/wf/:id/sca", confirmTan),
  route("POST", "/wf/:id/redirect", bankRedirect),
  route("POST", "/wf/:id/accounts", chooseAccounts),
  route("POST", "/wf/:id/cancel", cancel),
]
