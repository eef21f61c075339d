import type { MedusaError } from "@medusajs/framework/utils"

/** One of MedusaError.Types' values: "invalid_data", "not_found", "unexpected_state", … */
export type MedusaErrorType = (typeof MedusaError.Types)[keyof typeof MedusaError.Types]

/**
 * The error the plugin's pure code throws (lib/, option parsing, the SEPA refund file): a message and
 * one of MedusaError's types. Medusa's HTTP error handler picks the status from `type` alone
 * (invalid_data → 400, not_found → 404, …) and a workflow passes a step's error on with its own
 * properties, so routes and workflows need no mapping. Pure code does not import MedusaError itself:
 * `@medusajs/framework/utils` loads all of Medusa's utilities, seconds per test file for code that
 * needs none of them. (Code that tests `MedusaError.isMedusaError` must test `type` instead.)
 */
export class PluginError extends Error {
  constructor(
    readonly type: MedusaErrorType,
    message: string
  ) {
    super(message)
    this.name = "PluginError"
  }
}
