import type { BigNumberInput } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"

/** Provider ids of this provider start with this ("pp_bank-transfer_<id from medusa-config>"). */
export const BANK_TRANSFER_PROVIDER_PREFIX = "pp_bank-transfer"

/**
 * What a bank-transfer payment session (and later its Payment) carries in `data`. See README.md.
 * Amounts are decimal strings, never floats.
 */
export const BankTransferSessionDataSchema = z.object({
  /** Medusa's payment session id; the reference is derived from it. */
  session_id: z.string(),
  /** ISO 11649 RF reference, compact ("RF18K7Q2M9X4B1ZC"); the customer writes it in the transfer. */
  payment_reference: z.string(),
  /** The same, in groups of four for display. */
  payment_reference_formatted: z.string(),
  /** The shop's account: electronic IBAN, BIC (null when not configured), holder name. */
  iban: z.string(),
  bic: z.string().nullable(),
  account_holder: z.string(),
  /** The session amount as Medusa gave it, e.g. "119" or "59.5", and its currency ("eur"). */
  amount: z.string(),
  currency_code: z.string(),
  /** Set to true (by booking) once the money is on the shop's account; authorization then succeeds. */
  received: z.boolean(),
  /** When booking saw the money (ISO 8601), null until then. */
  received_at: z.string().nullable(),
})

export type BankTransferSessionData = z.infer<typeof BankTransferSessionDataSchema>

/** True for the provider id of any registration of this provider. */
export function isBankTransferProvider(providerId: string | null | undefined): boolean {
  return !!providerId && providerId.startsWith(BANK_TRANSFER_PROVIDER_PREFIX)
}

/** Reads session data written by this provider; null when it is missing or not ours. */
export function readBankTransferSessionData(data: unknown): BankTransferSessionData | null {
  const parsed = BankTransferSessionDataSchema.safeParse(data)
  return parsed.success ? parsed.data : null
}

type SessionLike = { id: string; provider_id: string; status?: string | null; data?: unknown }

/** A payment session as the store routes load it (BANK_TRANSFER_SESSION_FIELDS). */
export type PaymentSessionRow = SessionLike & {
  amount: BigNumberInput
  raw_amount?: BigNumberInput | null
  currency_code: string
}

/**
 * The bank-transfer session to show instructions for: a live one (pending authorization,
 * authorized or captured) before a merely created one, the newest of equals last in the list.
 */
export function pickBankTransferSession<T extends SessionLike>(sessions: (T | null | undefined)[]): T | null {
  const ours = sessions.filter((s): s is T => !!s && isBankTransferProvider(s.provider_id))
  const live = ours.filter((s) => ["pending_authorization", "authorized", "captured"].includes(s.status ?? ""))
  return live.at(-1) ?? ours.filter((s) => s.status !== "canceled").at(-1) ?? null
}
