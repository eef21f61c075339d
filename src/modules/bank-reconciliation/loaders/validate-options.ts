import { LoaderOptions } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { describeOptionIssues, PluginOptionsInput, PluginOptionsSchema } from "../plugin-options"

/** Refuses to start the module with options that would fail later (bad URLs, weak key, bad cron). */
export default async function validateOptionsLoader({ options }: LoaderOptions<PluginOptionsInput>) {
  const result = PluginOptionsSchema.safeParse(options ?? {})
  if (!result.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-finapi: invalid plugin options: ${describeOptionIssues(result.error)}`
    )
  }
}
