import { z } from "zod"

import { MAX_CENTS, parseCents } from "./amounts"
import type { MatchInput } from "./types"

const text = (what = "a string") =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : `expected ${what}`) })

const decimal = text("a decimal string").refine((value) => {
  const cents = parseCents(value)
  return cents !== null && cents <= MAX_CENTS
}, { error: "expected a decimal string" })

const positiveDecimal = decimal.refine((value) => (parseCents(value) ?? 0) > 0, { error: "expected an amount greater than 0" })

const date = text("a date YYYY-MM-DD").regex(/^\d{4}-\d{2}-\d{2}/, { error: "expected a date YYYY-MM-DD" })

const optionalText = text().nullish()

const transactionSchema = z.object({
  id: text().min(1, { error: "expected a non-empty string" }),
  amount: positiveDecimal,
  currency: text("a currency code").min(1, { error: "expected a currency code" }),
  bookingDate: date.nullish(),
  valueDate: date.nullish(),
  purpose: optionalText,
  counterpartName: optionalText,
  counterpartIban: optionalText,
  counterpartBic: optionalText,
  endToEndReference: optionalText,
  mandateReference: optionalText,
  creditorId: optionalText,
}, { error: "expected an object" })

const openItemSchema = z.object({
  orderId: text().min(1, { error: "expected a non-empty string" }),
  displayId: z.number({ error: "expected an integer" }).int({ error: "expected an integer" }).min(0).nullish(),
  invoiceNumber: optionalText,
  paymentReference: optionalText,
  customerId: optionalText,
  customerName: optionalText,
  companyName: optionalText,
  customerEmail: optionalText,
  knownIbans: z.array(text("an IBAN string"), { error: "expected an array of strings" }).nullish(),
  aliases: z.array(text("a name"), { error: "expected an array of strings" }).nullish(),
  currency: text("a currency code").min(1, { error: "expected a currency code" }),
  total: decimal.nullish(),
  outstanding: decimal,
  createdAt: date.nullish(),
}, { error: "expected an object" })

const number = (min: number, max: number) => z.number({ error: "expected a number" }).min(min).max(max)
const integer = (min: number, max: number) => z.number({ error: "expected an integer" }).int().min(min).max(max)
const words = z.array(text(), { error: "expected an array of strings" })
const pattern = text("a regular expression").refine((source) => {
  try {
    new RegExp(source, "gi")
    return true
  } catch {
    return false
  }
}, { error: "expected a valid regular expression" })

/** Options the engine understands; unknown keys (other plugin options) are dropped, not rejected. */
export const optionsSchema = z.object({
  autoThreshold: number(0, 1),
  suggestThreshold: number(0, 1),
  minMargin: number(0, 1),
  maxAlternatives: integer(0, 20),
  roundingTolerance: decimal,
  skontoMaxPercent: number(0, 100),
  skontoRates: z.array(number(0, 100), { error: "expected an array of numbers" }),
  skontoMaxDays: integer(0, 3650),
  underpaymentTolerancePercent: number(0, 100),
  bankFeeTolerance: decimal,
  autoPartialPayments: z.boolean({ error: "expected true or false" }),
  autoOverpayments: z.boolean({ error: "expected true or false" }),
  maxSubsetSize: integer(1, 8),
  maxSubsetItems: integer(0, 40),
  maxAmountOnlyCandidates: integer(0, 100),
  minBareNumberLength: integer(1, 20),
  nameCandidateLimit: integer(1, 10_000),
  invoiceKeywords: words,
  orderKeywords: words,
  ignoreKeywords: words,
  invoiceNumberPatterns: z.array(pattern, { error: "expected an array of strings" }),
  batchConflictGuard: z.boolean({ error: "expected true or false" }),
}).partial()

export const matchInputSchema = z.object({
  transactions: z.array(transactionSchema, { error: "expected an array" }),
  openItems: z.array(openItemSchema, { error: "expected an array" }),
  options: optionsSchema.nullish(),
}, { error: "expected an object with transactions and openItems" }).superRefine((input, ctx) => {
  const seen = new Set<string>()
  input.openItems.forEach((item, i) => {
    if (seen.has(item.orderId)) {
      ctx.addIssue({ code: "custom", path: ["openItems", i, "orderId"], message: `duplicate orderId ${item.orderId}` })
    }
    seen.add(item.orderId)
  })
})

/** Renders a zod issue path the way the CLI reports it: `transactions[3].amount`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ""
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`
  }
  return out || "input"
}

export type ParseResult = { ok: true; input: MatchInput } | { ok: false; error: string }

/** Validates raw JSON against the contract; on failure names the first offending field. */
export function parseMatchInput(raw: unknown): ParseResult {
  const parsed = matchInputSchema.safeParse(raw)
  if (parsed.success) {
    return { ok: true, input: parsed.data as MatchInput }
  }
  const issue = parsed.error.issues[0]
  return { ok: false, error: `${formatPath(issue.path)}: ${issue.message}` }
}
