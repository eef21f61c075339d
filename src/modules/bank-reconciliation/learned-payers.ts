/**
 * What an operator's assignment teaches about the payer (pure): the payer IBAN and the payer name
 * become known for the customer whose orders the payment went to. Only when every order of the
 * assignment belongs to one customer: a payment split over several customers (a PSP payout, a
 * bookkeeper paying for many) says nothing about any one of them.
 */

export type PayerKind = "iban" | "name"

export type PayerLesson = {
  customer_id: string
  kind: PayerKind
  value: string
  normalized: string
  learned_from: "manual" | "confirmed" | "booked"
  transaction_id: string | null
  created_by: string | null
}

/** An IBAN as compared everywhere: upper case, letters and digits only. */
export function normalizeLearnedIban(iban: string): string {
  return iban.toUpperCase().replace(/[^A-Z0-9]/g, "")
}

/** A payer name as compared for repeats: lower case, single spaces. */
export function normalizeLearnedName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase()
}

export function normalizeLearned(kind: PayerKind, value: string): string {
  return kind === "iban" ? normalizeLearnedIban(value) : normalizeLearnedName(value)
}

export function payerLessons(input: {
  transaction: { id: string; counterpart_iban?: string | null; counterpart_name?: string | null }
  customerIds: (string | null | undefined)[]
  learnedFrom: PayerLesson["learned_from"]
  actorId?: string | null
}): PayerLesson[] {
  const customers = new Set(input.customerIds)
  const [customerId] = [...customers]
  if (customers.size !== 1 || !customerId) {
    return []
  }
  const lessons: PayerLesson[] = []
  const iban = normalizeLearnedIban(input.transaction.counterpart_iban ?? "")
  if (iban.length >= 15) {
    lessons.push({ customer_id: customerId, kind: "iban", value: iban, normalized: iban, learned_from: input.learnedFrom, transaction_id: input.transaction.id, created_by: input.actorId ?? null })
  }
  const name = (input.transaction.counterpart_name ?? "").trim().replace(/\s+/g, " ")
  if (/\p{L}{2}/u.test(name)) {
    lessons.push({ customer_id: customerId, kind: "name", value: name, normalized: normalizeLearnedName(name), learned_from: input.learnedFrom, transaction_id: input.transaction.id, created_by: input.actorId ?? null })
  }
  return lessons
}
