import { model } from "@medusajs/framework/utils"

export const LEARNED_PAYER_KINDS = ["iban", "name"] as const

/**
 * What the operator's assignments taught about a customer: a payer IBAN (known at once, not only
 * after booking) or a payer name (an alias the engine matches like the customer's own name).
 * Removing one soft-deletes it; a removed IBAN also stops counting from earlier bookings.
 */
export const LearnedPayer = model
  .define("learned_payer", {
    id: model.id({ prefix: "lpay" }).primaryKey(),
    customer_id: model.text(),
    kind: model.enum([...LEARNED_PAYER_KINDS]),
    /** As the bank wrote it (an IBAN without spaces, a name as printed). */
    value: model.text(),
    /** The comparison key: IBAN upper case without spaces, a name lower case with single spaces. */
    normalized: model.text(),
    learned_from: model.enum(["manual", "confirmed", "booked"]),
    transaction_id: model.text().nullable(),
    created_by: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_learned_payer_customer_id", on: ["customer_id"] },
    {
      name: "IDX_learned_payer_unique_live",
      on: ["customer_id", "kind", "normalized"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
