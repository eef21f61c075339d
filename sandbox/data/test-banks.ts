import { germanIban } from "./iban"

/**
 * finAPI's two sandbox test banks (REFERENCE.md §2.5): both have two checking
 * accounts and one savings account and accept the same demo logins.
 */
export type ScaStyle = "EMBEDDED_TAN" | "REDIRECT"

export interface TestAccountTemplate {
  slot: number
  accountName: string
  accountNumber: string
  accountType: "Checking" | "Savings"
  openingBalanceCents: number
}

export interface TestBank {
  id: number
  name: string
  blz: string
  bic: string | null
  /** Numeric bank code used inside the generated IBANs (the BLZ itself is not numeric). */
  ibanBankCode: string
  interfaces: Array<"XS2A" | "FINTS_SERVER">
  properties: string[]
  sca: ScaStyle
  popularity: number
  accounts: TestAccountTemplate[]
}

/** `demo` asks for SCA (TAN or bank redirect); `demo_no_msa` skips it. Anything else is rejected by the "bank". */
export const DEMO_LOGINS = [
  { loginName: "demo", pin: "demo", needsSca: true },
  { loginName: "demo_no_msa", pin: "demo_no_msa", needsSca: false },
] as const

/** The embedded-TAN test bank accepts exactly this challenge response. */
export const DEMO_TAN = "123456"

const ACCOUNTS: TestAccountTemplate[] = [
  { slot: 0, accountName: "Girokonto", accountNumber: "1234567890", accountType: "Checking", openingBalanceCents: 1_250_000 },
  { slot: 1, accountName: "Geschäftskonto", accountNumber: "1234567891", accountType: "Checking", openingBalanceCents: 482_317 },
  { slot: 2, accountName: "Tagesgeld", accountNumber: "9876543210", accountType: "Savings", openingBalanceCents: 2_500_000 },
]

export const TEST_BANKS: readonly TestBank[] = [
  {
    id: 280001,
    name: "finAPI Test Bank",
    blz: "DEMO0001",
    bic: null,
    ibanBankCode: "28000100",
    interfaces: ["XS2A", "FINTS_SERVER"],
    properties: ["DECOUPLED_APPROACH"],
    sca: "EMBEDDED_TAN",
    popularity: 12,
    accounts: ACCOUNTS,
  },
  {
    id: 280002,
    name: "finAPI Test Redirect Bank",
    blz: "DEMO0002",
    bic: null,
    ibanBankCode: "28000200",
    interfaces: ["XS2A"],
    properties: ["REDIRECT_APPROACH"],
    sca: "REDIRECT",
    popularity: 10,
    accounts: ACCOUNTS,
  },
]

export function findBank(id: number): TestBank | undefined {
  return TEST_BANKS.find((bank) => bank.id === id)
}

/** Case-insensitive, every whitespace-separated term must match name, BLZ, BIC or an IBAN's bank code. */
export function searchBanks(search: string | undefined): TestBank[] {
  const terms = (search ?? "").toLowerCase().split(/\s+/).filter(Boolean)
  return TEST_BANKS.filter((bank) => {
    const haystack = [bank.name, bank.blz, bank.bic ?? "", bank.ibanBankCode, ...bank.accounts.map((a) => ibanOf(bank, a))]
      .join(" ")
      .toLowerCase()
    return terms.every((term) => haystack.includes(term))
  })
}

export function ibanOf(bank: TestBank, account: TestAccountTemplate): string {
  return germanIban(bank.ibanBankCode, account.accountNumber)
}

export function checkDemoLogin(loginName: string, pin: string): { ok: boolean; needsSca: boolean } {
  const login = DEMO_LOGINS.find((l) => l.loginName === loginName && l.pin === pin)
  return login ? { ok: true, needsSca: login.needsSca } : { ok: false, needsSca: false }
}
