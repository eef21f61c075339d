import { ApiFailure, sendEmpty, type Exchange } from "../http/exchange"
import { route } from "../http/router"
import { parseBody } from "../http/validate-body"
import { authenticate, userKeyOf } from "../tokens"
import { bookTransaction } from "../bank-import"
import { ownConnection } from "./bank-connections"
import { sendNotifications } from "../notifications"
import { completeContent } from "../data/seeded-transactions"
import { contentFromNewTransaction } from "../data/new-transaction"
import { dayNumber, germanDate } from "../data/dates"
import { amountToCents } from "../data/money"
import { MockBatchUpdateBody, type NewTransactionBody } from "../http/request-schemas"
import type { StoredAccount } from "../model"

/**
 * `POST /api/v2/tests/mockBatchUpdate`, finAPI's own sandbox hook: runs a fake batch
 * update that appends the given transactions, skips those older than 89 days and
 * closes a balance gap with an adjusting entry (REFERENCE.md §2.5).
 */
const MAX_UPDATE_DAYS = 89

function mockBatchUpdate(ex: Exchange): void {
  authenticate(ex, "user")
  const body = parseBody(ex, MockBatchUpdateBody)
  const user = ex.state.users.get(userKeyOf(ex))
  if (user?.isAutoUpdateEnabled) throw new ApiFailure(422, "ILLEGAL_ENTITY_STATE", "mockBatchUpdate requires isAutoUpdateEnabled=false for the user")
  const connections = body.mockBankConnectionUpdates.map((update) => ownConnection(ex, update.bankConnectionId))
  for (const connection of connections) {
    if (connection.busyUntil !== null) throw new ApiFailure(423, "LOCKED", `Bank connection ${connection.id} is currently being updated.`)
    if (!connection.pinSaved) throw new ApiFailure(422, "ILLEGAL_ENTITY_STATE", `Bank connection ${connection.id} has no stored PIN; a batch update cannot log in.`)
  }
  // Validate every account before changing anything, so a bad request leaves no half-applied update.
  body.mockBankConnectionUpdates.forEach((update) => {
    for (const data of update.mockAccountsData ?? []) {
      if (ex.state.accounts.get(data.accountId)?.bankConnectionId !== update.bankConnectionId) {
        throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `Account ${data.accountId} does not belong to bank connection ${update.bankConnectionId}`)
      }
    }
  })
  const newTransactionsByAccount = new Map<number, number>()
  body.mockBankConnectionUpdates.forEach((update, i) => {
    const connection = connections[i]
    const now = ex.state.now()
    connection.busyUntil = now + ex.state.settings.updateDelayMs
    // An expired consent fails the batch update and stops further ones until the user acts (REFERENCE.md §2.4).
    const consentExpired = connection.consentExpiresAt === null || connection.consentExpiresAt <= now
    if (update.simulateBankLoginError || consentExpired) {
      const errorMessage = consentExpired ? "Die Zustimmung (Consent) ist abgelaufen." : "Anmeldung fehlgeschlagen: PIN ungültig."
      connection.lastAutoUpdate = { result: "BANK_SERVER_REJECTION", errorMessage, errorType: "BUSINESS", timestamp: now }
      connection.userActionRequired = true
      return
    }
    for (const data of update.mockAccountsData ?? []) {
      const account = ex.state.accounts.get(data.accountId) as StoredAccount
      const added = (data.newTransactions ?? []).filter((t) => addMockTransaction(ex, account, t)).length
      newTransactionsByAccount.set(account.id, (newTransactionsByAccount.get(account.id) ?? 0) + added)
      closeBalanceGap(ex, account, data.accountBalance)
    }
    connection.lastAutoUpdate = { result: "OK", errorMessage: null, errorType: null, timestamp: now }
  })
  if (body.triggerNotifications) sendNotifications(ex.state, userKeyOf(ex), newTransactionsByAccount, connections)
  sendEmpty(ex)
}

function addMockTransaction(ex: Exchange, account: StoredAccount, input: NewTransactionBody): boolean {
  const today = dayNumber(germanDate(ex.state.now()))
  if (input.bookingDate && dayNumber(input.bookingDate) < today - MAX_UPDATE_DAYS) return false
  bookTransaction(ex.state, account, contentFromNewTransaction(input, today, account.accountCurrency))
  return true
}

function closeBalanceGap(ex: Exchange, account: StoredAccount, accountBalance: number): void {
  const target = amountToCents(accountBalance)
  if (target === null) throw new ApiFailure(422, "ILLEGAL_FIELD_VALUE", `Illegal accountBalance ${accountBalance}`)
  const gap = target - account.balanceCents
  account.lastSuccessfulUpdate = account.lastUpdateAttempt = ex.state.now()
  account.interfaceStatus = gap === 0 ? "UPDATED" : "UPDATED_FIXED"
  if (gap === 0) return
  const today = germanDate(ex.state.now())
  bookTransaction(ex.state, account, completeContent({ amountCents: gap, purpose: "Zwischensaldo", type: "Zwischensaldo" }, today, today), { isAdjustingEntry: true })
}

export const mockBatchUpdateRoutes = [route("POST", "/api/v2/tests/mockBatchUpdate", mockBatchUpdate)]
