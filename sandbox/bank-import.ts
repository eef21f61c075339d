import type { SandboxState } from "./state"
import type { BankingInterface, StoredAccount, StoredBankConnection, TransactionContent } from "./model"
import { DAY_MS, dateOfDay, dayNumber, germanDate } from "./data/dates"
import { createRandom, integerBetween, pick, seedFrom } from "./data/prng"
import { completeContent, SEEDED_TRANSACTIONS } from "./data/seeded-transactions"
import { findBank, ibanOf, type TestBank } from "./data/test-banks"
import { PAYERS } from "./data/payer-vocabulary"

/** PSD2 re-authorisation interval since the 2023 RTS amendment (REFERENCE.md §2.4). */
export const CONSENT_DAYS = 180

export interface ImportOptions {
  userKey: string
  bankId: number
  loginName: string
  pinSaved: boolean
  /** Which of the bank's accounts the person ticked (slots 0..2); all by default. */
  accountSlots?: number[]
  name?: string | null
  bankingInterface?: BankingInterface
  maxDaysForDownload?: number
}

/**
 * What finishing the web form does at finAPI: a new bank connection with the chosen
 * accounts and their statement, still downloading (IN_PROGRESS) for `updateDelayMs`.
 */
export function importTestBankConnection(state: SandboxState, options: ImportOptions): StoredBankConnection {
  const bank = findBank(options.bankId)
  if (!bank) throw new Error(`Unknown test bank ${options.bankId}`)
  const now = state.now()
  const connection: StoredBankConnection = {
    id: state.nextConnectionId(),
    userKey: options.userKey,
    bankId: bank.id,
    name: options.name ?? bank.name,
    bankingInterface: options.bankingInterface ?? "XS2A",
    loginName: options.loginName,
    pinSaved: options.pinSaved,
    consentExpiresAt: now + CONSENT_DAYS * DAY_MS,
    userActionRequired: false,
    busyUntil: now + state.settings.updateDelayMs,
    categorizationReadyAt: now + 2 * state.settings.updateDelayMs,
    lastManualUpdate: { result: "OK", errorMessage: null, errorType: null, timestamp: now },
    lastAutoUpdate: null,
    lastDeliveredDay: dayNumber(germanDate(now)),
    maxDaysForDownload: options.maxDaysForDownload ?? 0,
    accountIds: [],
  }
  state.connections.set(connection.id, connection)
  const slots = options.accountSlots ?? bank.accounts.map((a) => a.slot)
  for (const template of bank.accounts.filter((a) => slots.includes(a.slot))) {
    const account = createAccount(state, bank, connection, template.slot)
    seedStatement(state, account, template.slot, now)
  }
  return connection
}

function createAccount(state: SandboxState, bank: TestBank, connection: StoredBankConnection, slot: number): StoredAccount {
  const template = bank.accounts[slot]
  const account: StoredAccount = {
    id: state.nextAccountId(),
    bankConnectionId: connection.id,
    userKey: connection.userKey,
    accountName: template.accountName,
    iban: ibanOf(bank, template),
    accountNumber: template.accountNumber,
    accountHolderName: "Max Mustermann",
    accountCurrency: "EUR",
    accountType: template.accountType,
    balanceCents: template.openingBalanceCents,
    isNew: true,
    interfaceStatus: "UPDATED",
    lastSuccessfulUpdate: state.now(),
    lastUpdateAttempt: state.now(),
  }
  state.accounts.set(account.id, account)
  connection.accountIds.push(account.id)
  return account
}

function seedStatement(state: SandboxState, account: StoredAccount, slot: number, now: number): void {
  const today = dayNumber(germanDate(now))
  for (const seeded of [...SEEDED_TRANSACTIONS, ...state.extraStatement].filter((s) => s.slot === slot)) {
    const finapiDate = dateOfDay(today - seeded.daysAgo)
    const bankDate = seeded.bookedInDays ? dateOfDay(today + seeded.bookedInDays) : finapiDate
    const content = completeContent(seeded.content, finapiDate, bankDate)
    bookTransaction(state, account, content, { isAdjustingEntry: seeded.isAdjustingEntry, isPotentialDuplicate: seeded.isPotentialDuplicate })
  }
  // The seeded adjusting entry sits on the Girokonto, and finAPI reports such accounts as UPDATED_FIXED.
  if (SEEDED_TRANSACTIONS.some((s) => s.slot === slot && s.isAdjustingEntry)) account.interfaceStatus = "UPDATED_FIXED"
}

/** Adds one booked transaction and moves the account balance with it. */
export function bookTransaction(
  state: SandboxState,
  account: StoredAccount,
  content: TransactionContent,
  flags: { isAdjustingEntry?: boolean; isPotentialDuplicate?: boolean } = {}
) {
  // Foreign-currency rows are not in the EUR balance; finAPI's balance comes from the bank anyway.
  if (content.currency === null || content.currency === account.accountCurrency) account.balanceCents += content.amountCents
  return state.transactions.add(account.id, content, flags, state.now())
}

/**
 * A manual or automatic update: the test banks book a few new incoming payments per
 * day (REFERENCE.md §2.5), so every day since the last delivery brings 0–2 rows to
 * the first checking account, derived from the seed and the day.
 */
export function runConnectionUpdate(state: SandboxState, connection: StoredBankConnection, kind: "manual" | "auto"): void {
  const now = state.now()
  const today = dayNumber(germanDate(now))
  const giro = connection.accountIds.map((id) => state.accounts.get(id)).find((a) => a?.accountType === "Checking")
  for (let day = connection.lastDeliveredDay + 1; giro && day <= today; day++) {
    const random = createRandom(seedFrom(state.seed, "daily", connection.id, day))
    for (let n = integerBetween(random, 0, 2); n > 0; n--) bookTransaction(state, giro, dailyPayment(random, dateOfDay(day)))
  }
  connection.lastDeliveredDay = today
  connection.busyUntil = now + state.settings.updateDelayMs
  const result = { result: "OK" as const, errorMessage: null, errorType: null, timestamp: now }
  if (kind === "manual") connection.lastManualUpdate = result
  else connection.lastAutoUpdate = result
  for (const id of connection.accountIds) {
    const account = state.accounts.get(id)
    if (account) account.lastSuccessfulUpdate = account.lastUpdateAttempt = now
  }
}

function dailyPayment(random: () => number, date: string): TransactionContent {
  const payer = pick(random, PAYERS)
  const order = integerBetween(random, 1010, 1999)
  return completeContent(
    {
      amountCents: integerBetween(random, 1_500, 49_900),
      counterpartName: payer.name,
      counterpartIban: payer.iban,
      counterpartBic: payer.bic,
      purpose: `EREF+${date.replace(/-/g, "")}-ORD${order} SVWZ+Bestellung ${order}`,
      endToEndReference: `${date.replace(/-/g, "")}-ORD${order}`,
      type: "Gutschrift",
      typeCodeZka: "166",
      typeCodeSwift: "NTRF",
      bankTransactionCode: "PMNT-RCDT-ESCT",
      bankTransactionCodeDescription: "SEPA Gutschrift",
    },
    date,
    date
  )
}

/** Whether finAPI could update without the person: stored PIN, live consent, nothing to confirm. */
export function canUpdateUnattended(state: SandboxState, connection: StoredBankConnection): boolean {
  const consentLive = connection.consentExpiresAt !== null && connection.consentExpiresAt > state.now()
  return connection.pinSaved && consentLive && !connection.userActionRequired
}

/** A web-form update renews the consent and clears `userActionRequired`. */
export function renewConsent(state: SandboxState, connection: StoredBankConnection, pinSaved: boolean): void {
  connection.consentExpiresAt = state.now() + CONSENT_DAYS * DAY_MS
  connection.userActionRequired = false
  connection.pinSaved = pinSaved
}
