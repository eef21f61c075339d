import type { LoaderOptions } from "@medusajs/framework/types"
import { PluginOptionsInput } from "../plugin-options"
import { parsePluginOptions } from "../services/plugin-options-parser"

/** Refuses to start the module with options that would fail later (bad URLs, weak key, bad cron). */
export default async function validateOptionsLoader({ options }: LoaderOptions<PluginOptionsInput>) {
  parsePluginOptions(options)
}
