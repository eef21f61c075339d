import type { SandboxState } from "../state"
import type { SandboxUser, StoredAccount, StoredBankConnection, StoredTransaction, UpdateResult } from "../model"
import { accessTimestamp } from "../data/dates"
import { centsToAmount } from "../data/money"
import { findBank, type TestBank } from "../data/test-banks"

/** finAPI Access V2 wire shapes (REFERENCE.md §1–4), built from sandbox records. */

export function userJson(user: SandboxUser, showPassword: boolean) {
  return {
    id: user.id,
    password: showPassword ? user.password : "XXXXX",
    email: user.email,
    phone: user.phone,
    isAutoUpdateEnabled: user.isAutoUpdateEnabled,
  }
}

export function bankJson(bank: TestBank) {
  return {
    id: bank.id,
    name: bank.name,
    bic: bank.bic,
    blz: bank.blz,
    location: "DE",
    city: null,
    isTestBank: true,
    popularity: bank.popularity,
    isBeta: false,
    bankGroup: null,
    logo: null,
    icon: null,
    interfaces: bank.interfaces.map((bankingInterface) => ({
      bankingInterface,
      tppAuthenticationGroup: null,
      loginCredentials: [
        { label: "Onlinebanking-ID", isSecret: false, isVolatile: false },
        { label: "PIN", isSecret: true, isVolatile: false },
      ],
      properties: bank.properties,
      loginHint: "Use demo / demo (with SCA) or demo_no_msa / demo_no_msa (without).",
      health: 100,
      lastCommunicationAttempt: null,
      lastSuccessfulCommunication: null,
      isAisSupported: true,
      isMoneyTransferSupported: false,
      aisAccountTypes: ["Checking", "Savings"],
    })),
  }
}

function updateResultJson(result: UpdateResult | null) {
  return result && { ...result, timestamp: accessTimestamp(result.timestamp) }
}

export function bankConnectionJson(state: SandboxState, connection: StoredBankConnection) {
  const now = state.now()
  const consentLive = connection.consentExpiresAt !== null && connection.consentExpiresAt > now
  const bank = findBank(connection.bankId)
  return {
    id: connection.id,
    name: connection.name,
    updateStatus: connection.busyUntil !== null ? "IN_PROGRESS" : "READY",
    categorizationStatus: connection.categorizationReadyAt > now ? "PENDING" : "READY",
    accountIds: [...connection.accountIds],
    owners: [{ firstName: "Max", lastName: "Mustermann", salutation: null, title: null, email: null, dateOfBirth: null, postCode: null, country: null, city: null, street: null, houseNumber: null }],
    bank: bank ? bankJson(bank) : null,
    interfaces: [
      {
        bankingInterface: connection.bankingInterface,
        loginCredentials: [
          { label: "Onlinebanking-ID", value: state.settings.credentialsLicence ? connection.loginName : "XXXXX" },
          { label: "PIN", value: connection.pinSaved ? "XXXXX" : null },
        ],
        defaultTwoStepProcedureId: null,
        twoStepProcedures: [],
        aisConsent: {
          status: consentLive ? "PRESENT" : "NOT_PRESENT",
          expiresAt: connection.consentExpiresAt === null ? null : accessTimestamp(connection.consentExpiresAt),
          supportsImportNewAccounts: false,
        },
        lastManualUpdate: updateResultJson(connection.lastManualUpdate),
        lastAutoUpdate: updateResultJson(connection.lastAutoUpdate),
        userActionRequired: connection.userActionRequired,
        maxDaysForDownload: connection.maxDaysForDownload,
      },
    ],
  }
}

export function accountJson(state: SandboxState, account: StoredAccount) {
  const connection = state.connections.get(account.bankConnectionId)
  const balance = centsToAmount(account.balanceCents)
  return {
    id: account.id,
    bankConnectionId: account.bankConnectionId,
    accountName: account.accountName,
    iban: account.iban,
    accountNumber: account.accountNumber,
    subAccountNumber: null,
    accountHolderName: account.accountHolderName,
    accountHolderId: "XXXXX",
    accountCurrency: account.accountCurrency,
    accountType: account.accountType,
    balance,
    overdraft: null,
    overdraftLimit: null,
    availableFunds: balance,
    isNew: account.isNew,
    isSeized: false,
    interfaces: [
      {
        bankingInterface: connection?.bankingInterface ?? "XS2A",
        status: connection?.busyUntil != null ? "DOWNLOAD_IN_PROGRESS" : account.interfaceStatus,
        capabilities: ["DATA_DOWNLOAD"],
        paymentCapabilities: { sepaMoneyTransfer: false, sepaCollectiveMoneyTransfer: false, sepaBasicDirectDebit: false, sepaBasicCollectiveDirectDebit: false, sepaB2bDirectDebit: false, sepaB2bCollectiveDirectDebit: false, sepaInstantMoneyTransfer: false, sepaFutureMoneyTransfer: false, domesticMoneyTransfer: false },
        lastSuccessfulUpdate: account.lastSuccessfulUpdate === null ? null : accessTimestamp(account.lastSuccessfulUpdate),
        lastUpdateAttempt: account.lastUpdateAttempt === null ? null : accessTimestamp(account.lastUpdateAttempt),
      },
    ],
  }
}

export function transactionJson(t: StoredTransaction) {
  return {
    id: t.id,
    parentId: null,
    accountId: t.accountId,
    valueDate: t.valueDate,
    bankBookingDate: t.bankBookingDate,
    finapiBookingDate: t.finapiBookingDate,
    amount: centsToAmount(t.amountCents),
    currency: t.currency,
    purpose: t.purpose,
    counterpartName: t.counterpartName,
    counterpartAccountNumber: t.counterpartAccountNumber,
    counterpartIban: t.counterpartIban,
    counterpartBlz: t.counterpartBlz,
    counterpartBic: t.counterpartBic,
    counterpartBankName: t.counterpartBankName,
    counterpartMandateReference: t.counterpartMandateReference,
    counterpartCustomerReference: t.counterpartCustomerReference,
    counterpartCreditorId: t.counterpartCreditorId,
    counterpartDebitorId: t.counterpartDebitorId,
    type: t.type,
    typeCodeZka: t.typeCodeZka,
    typeCodeSwift: t.typeCodeSwift,
    sepaPurposeCode: t.sepaPurposeCode,
    bankTransactionCode: t.bankTransactionCode,
    bankTransactionCodeDescription: t.bankTransactionCodeDescription,
    primanota: t.primanota,
    category: null,
    labels: [],
    isPotentialDuplicate: t.isPotentialDuplicate,
    isAdjustingEntry: t.isAdjustingEntry,
    isNew: t.isNew,
    importDate: accessTimestamp(t.importDate),
    children: [],
    paypalData: null,
    certisData: null,
    endToEndReference: t.endToEndReference,
    compensationAmount: null,
    originalAmount: t.originalAmountCents === null ? null : centsToAmount(t.originalAmountCents),
    originalCurrency: t.originalCurrency,
    feeAmount: null,
    feeCurrency: null,
    differentDebitor: null,
    differentCreditor: null,
  }
}
