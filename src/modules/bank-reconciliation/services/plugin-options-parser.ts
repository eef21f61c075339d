import { PluginError } from "../../../lib/plugin-error"
import { describeOptionIssues, PluginOptions, PluginOptionsInput, PluginOptionsSchema } from "../plugin-options"

/** The validated plugin options (with defaults); invalid ones are an INVALID_DATA error naming each field. */
export function parsePluginOptions(options: PluginOptionsInput | undefined): PluginOptions {
  const parsed = PluginOptionsSchema.safeParse(options ?? {})
  if (!parsed.success) {
    throw new PluginError(
      "invalid_data",
      `medusa-plugin-finapi: invalid plugin options: ${describeOptionIssues(parsed.error)}`
    )
  }
  return parsed.data
}
