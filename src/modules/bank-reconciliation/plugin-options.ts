import { z } from "@medusajs/framework/zod"
import { matchOptionsSchema } from "./matching"
import { prepaymentOptionsSchema } from "./prepayment-options"
import { parseEncryptionKey } from "./secret-box"

/** The plugin's bank-transfer provider (any registration id) and Medusa's system provider. */
export const DEFAULT_CAPTURABLE_PROVIDERS = ["pp_bank-transfer", "pp_system_default"] as const

const url = (field: string) =>
  z.string({ error: `${field} is required` }).url({ message: `${field} must be a URL, e.g. https://sandbox.finapi.io` })

const cron = z
  .string()
  .regex(/^(\S+\s+){4}\S+$/, { message: "must be a 5-field cron expression, e.g. \"0 * * * *\"" })

const encryptionKey = z.string().superRefine((value, ctx) => {
  try {
    parseEncryptionKey(value)
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message })
  }
})

/** The plugin's options, as given in medusa-config (plugins[].options). */
export const PluginOptionsSchema = z.object({
  finapi: z.object({
    accessUrl: url("finapi.accessUrl"),
    webFormUrl: url("finapi.webFormUrl"),
    clientId: z.string().min(1, { message: "finapi.clientId is required" }),
    clientSecret: z.string().min(1, { message: "finapi.clientSecret is required" }),
  }),
  // one key, or a list when rotating: the current key (seals) first, previous keys (still open) after
  encryptionKey: z.union([encryptionKey, z.array(encryptionKey).min(1, { message: "give at least one key" })]),
  // where the public callback URLs of this Medusa backend start, e.g. https://shop.example.com
  backendUrl: z.string().url().default("http://localhost:9000"),
  invoiceNumber: z
    .object({
      source: z.enum(["display_id", "custom_display_id", "metadata"]).default("display_id"),
      metadataKey: z.string().min(1).default("invoice_number"),
      format: z
        .string()
        .refine((f) => f.includes("{display_id}"), { message: "must contain {display_id}" })
        .default("{display_id}"),
    })
    .default({ source: "display_id", metadataKey: "invoice_number", format: "{display_id}" }),
  // the matching engine's own option schema, so a bad threshold stops the start, not the first import
  matching: matchOptionsSchema
    .extend({
      autoThreshold: z.number().min(0).max(1).default(0.9),
      minMargin: z.number().min(0).max(1).default(0.15),
    })
    .default({ autoThreshold: 0.9, minMargin: 0.15 }),
  sync: z
    .object({
      schedule: cron.default("0 * * * *"),
      autoBook: z.boolean().default(false),
      overlapDays: z.number().int().min(0).max(30).default(2),
      // a run still "running" after this long was cut off (its process ended); the next run says so in the history
      staleRunSeconds: z.number().int().min(1).max(86_400).default(3600),
    })
    .default({ schedule: "0 * * * *", autoBook: false, overlapDays: 2, staleRunSeconds: 3600 }),
  booking: z
    .object({
      // providers whose authorized payments a bank transfer may capture: a provider id, or its start up
      // to an underscore ("pp_bank-transfer" covers every registration of the plugin's provider)
      capturableProviders: z.array(z.string().min(1)).default([...DEFAULT_CAPTURABLE_PROVIDERS]),
      // a booking claim older than this belongs to a run that died; the next run finishes or undoes it
      staleClaimSeconds: z.number().int().min(1).max(86_400).default(300),
    })
    .default({ capturableProviders: [...DEFAULT_CAPTURABLE_PROVIDERS], staleClaimSeconds: 300 }),
  prepayment: prepaymentOptionsSchema,
})

export type PluginOptions = z.infer<typeof PluginOptionsSchema>
export type PluginOptionsInput = z.input<typeof PluginOptionsSchema>

/** Turns zod issues into one line per field, e.g. "finapi.clientId: finapi.clientId is required". */
export function describeOptionIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join(".") : "(options)"}: ${issue.message}`)
    .join("; ")
}
