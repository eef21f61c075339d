import type { BigNumberInput } from "@medusajs/framework/types"
import type { BigNumberProperty, DmlEntity, ModelConfigurationsToConfigTemplate, ModelEntries, NullableModifier } from "@medusajs/framework/utils"

/** The model's bigNumber columns (nullable or not). */
type MoneyColumns<Model> =
  Model extends DmlEntity<infer Schema, any>
    ? { [K in keyof Schema]: Schema[K] extends BigNumberProperty | NullableModifier<number, BigNumberProperty> ? K : never }[keyof Schema]
    : never

type WithMoneyInput<Input, Columns> = Omit<Input, Columns & keyof Input> & {
  [K in Columns & keyof Input]: null extends Input[K] ? BigNumberInput | null : BigNumberInput
}

/**
 * Medusa's generated CRUD for these models, with money typed as the columns take it: the DML infers a
 * bigNumber column's input as `number`, but its setter stores any BigNumberInput (`new BigNumber(value)`),
 * so an amount goes in as the exact decimal string it is, never through a float.
 */
export type MoneyInputCrud<Models extends ModelEntries> = {
  [Name in keyof Models]: Omit<ModelConfigurationsToConfigTemplate<Models>[Name], "inputDto"> & {
    inputDto: WithMoneyInput<ModelConfigurationsToConfigTemplate<Models>[Name]["inputDto"], MoneyColumns<Models[Name]>>
  }
}
