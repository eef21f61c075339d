import type { SandboxSettings, SandboxState } from "./state"
import { ApiFailure } from "./http/exchange"
import { FaultPlan, normalizeFaultKind, type Fault, type FaultSpec } from "./faults"
import { bookTransaction, importTestBankConnection } from "./bank-import"
import { callbacksSettled } from "./callbacks"
import { completeWebForm, finishWebForm, isFinal, offeredAccountSlots, openWebForm } from "./web-form-flow"
import { expireToken } from "./tokens"
import { tick } from "./ticker"
import { contentFromNewTransaction } from "./data/new-transaction"
import { blockTotalCents } from "./data/generated-transactions"
import { accessTimestamp, dayNumber, DAY_MS, germanDate } from "./data/dates"
import { TEST_BANKS } from "./data/test-banks"
import { bankConnectionJson, userJson } from "./views/access-json"
import { webFormJson } from "./views/web-form-json"
import { describeState } from "./state-dump"
import type { NewTransactionBody as NewTransaction } from "./http/request-schemas"
import type { StoredWebForm } from "./model"

export type ControlTransaction = NewTransaction & { counterpartName?: string | null; isAdjustingEntry?: boolean; isPotentialDuplicate?: boolean }

/**
 * Scenario control for tests and demos (not part of finAPI). The same operations are
 * served as JSON under `/__sandbox/…`; tests may also call them in-process.
 */
export function createControl(state: SandboxState, faults: FaultPlan) {
  const account = (id: number) => state.accounts.get(id) ?? fail(404, `Account ${id} not found`)
  const connection = (id: number) => state.connections.get(id) ?? fail(404, `Bank connection ${id} not found`)
  const webForm = (id: string): StoredWebForm => state.webForms.get(id) ?? fail(404, `Web form ${id} not found`)
  const liveForm = (id: string) => {
    const form = webForm(id)
    if (isFinal(form)) fail(409, `Web form ${id} is already ${form.status}`)
    openWebForm(form, new URLSearchParams())
    return form
  }
  const afterChange = <T>(value: T): T => {
    tick(state)
    return value
  }

  return {
    reset(seed?: number) {
      state.reset(seed ?? state.seed)
      faults.clear()
      return { seed: state.seed }
    },
    dump: () => describeState(state, faults),
    now: () => ({ now: accessTimestamp(state.now()), epochMs: state.now() }),
    advanceClock(ms: number) {
      state.clock.advance(ms)
      return afterChange({ now: accessTimestamp(state.now()), epochMs: state.now() })
    },
    settings(patch: Partial<SandboxSettings> = {}) {
      Object.assign(state.settings, patch)
      return { ...state.settings, clientSecret: "XXXXX" }
    },
    createUser(input: { id: string; password: string; isAutoUpdateEnabled?: boolean }) {
      const key = input.id.toLowerCase()
      if (state.users.has(key)) fail(422, `User ${input.id} exists`)
      const user = { id: input.id, password: input.password, email: null, phone: null, isAutoUpdateEnabled: input.isAutoUpdateEnabled ?? false, internalId: state.nextUserInternalId() }
      state.users.set(key, user)
      return userJson(user, true)
    },
    /** Imports a test-bank connection without clicking through the web form. */
    importBankConnection(input: { userId: string; bankId?: number; blz?: string; loginName?: string; pinSaved?: boolean; accountSlots?: number[]; name?: string }) {
      const userKey = input.userId.toLowerCase()
      if (!state.users.has(userKey)) fail(404, `User ${input.userId} not found`)
      const bank = TEST_BANKS.find((b) => b.id === input.bankId || b.blz === input.blz) ?? TEST_BANKS[0]
      const created = importTestBankConnection(state, { userKey, bankId: bank.id, loginName: input.loginName ?? "demo", pinSaved: input.pinSaved ?? true, accountSlots: input.accountSlots, name: input.name })
      return afterChange(bankConnectionJson(state, created))
    },
    /** Adds `count` deterministic rows (booked over the last `days` days) without storing them as objects. */
    generateTransactions(accountId: number, input: { count: number; days?: number; incomingShare?: number }) {
      const target = account(accountId)
      if (!Number.isInteger(input.count) || input.count < 1 || input.count > 1_000_000) fail(400, "count must be an integer 1..1000000")
      const today = dayNumber(germanDate(state.now()))
      const block = state.transactions.generate({
        accountId,
        count: input.count,
        seed: state.nextGenerationSeed(),
        importDate: state.now(),
        fromDay: today - Math.max(0, (input.days ?? 90) - 1),
        toDay: today,
        incomingShare: input.incomingShare ?? 0.8,
      })
      target.balanceCents += blockTotalCents(block)
      return { accountId, count: block.count, firstId: block.firstId, lastId: block.firstId + block.count - 1 }
    },
    addTransactions(accountId: number, transactions: ControlTransaction[]) {
      const target = account(accountId)
      const today = dayNumber(germanDate(state.now()))
      const added = transactions.map((t) => bookTransaction(state, target, contentFromNewTransaction(t, today, target.accountCurrency), t))
      return { accountId, ids: added.map((t) => t.id) }
    },
    setConsent(connectionId: number, input: { expired?: boolean; expiresAt?: string; userActionRequired?: boolean; pinSaved?: boolean }) {
      const target = connection(connectionId)
      if (input.expired) target.consentExpiresAt = state.now() - 1
      if (input.expiresAt) target.consentExpiresAt = Date.parse(input.expiresAt)
      if (input.expired === false) target.consentExpiresAt = state.now() + 180 * DAY_MS
      if (typeof input.userActionRequired === "boolean") target.userActionRequired = input.userActionRequired
      if (typeof input.pinSaved === "boolean") target.pinSaved = input.pinSaved
      return bankConnectionJson(state, target)
    },
    injectFault(spec: FaultSpec): Fault {
      const kind = normalizeFaultKind(spec.kind)
      if (!kind) fail(400, `Unknown fault kind '${spec.kind}' (rate_limit|429, server_error|500, locked|423, latency, drop, expired_token)`)
      return faults.add({ ...spec, kind })
    },
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    expireTokens(token?: string) {
      const tokens = token ? [token] : [...state.tokens.keys()]
      tokens.forEach((t) => expireToken(state, t))
      return { expired: tokens.length }
    },
    openWebForm: (id: string) => webFormJson(liveForm(id)),
    /** Completes a form as if the person had logged in with `demo` and picked accounts. */
    completeWebForm(id: string, input: { loginName?: string; savePin?: boolean; accountSlots?: number[] } = {}) {
      const form = liveForm(id)
      form.session.bankId ??= TEST_BANKS[0].id
      form.session.loginName = input.loginName ?? "demo"
      form.session.savePin = input.savePin ?? true
      completeWebForm(state, form, input.accountSlots ?? offeredAccountSlots(form))
      return afterChange(webFormJson(form))
    },
    failWebForm(id: string, errorCode = "BANK_SERVER_REJECTION", errorMessage: string | null = null) {
      const form = liveForm(id)
      finishWebForm(state, form, "COMPLETED_WITH_ERROR", errorCode, errorMessage)
      return afterChange(webFormJson(form))
    },
    abortWebForm(id: string) {
      const form = liveForm(id)
      finishWebForm(state, form, "ABORTED")
      return afterChange(webFormJson(form))
    },
    expireWebForm(id: string) {
      const form = liveForm(id)
      form.expiresAt = state.now()
      return afterChange(webFormJson(form))
    },
    callbacks: () => state.callbackDeliveries,
    clearCallbacks: () => void (state.callbackDeliveries = []),
    callbacksSettled: () => callbacksSettled(state),
  }
}

export type SandboxControl = ReturnType<typeof createControl>

function fail(status: number, message: string): never {
  throw new ApiFailure(status, status === 404 ? "NOT_FOUND" : "BAD_REQUEST", message)
}
