import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export const validateBankInterfaceDeletableStepId = "validate-bank-interface-deletable"

/** Refuses to delete an interface whose payments were booked into orders: that history must stay. */
export const validateBankInterfaceDeletableStep = createStep(
  validateBankInterfaceDeletableStepId,
  async (input: { id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: accounts } = await query.graph({
      entity: "bank_account",
      fields: ["id"],
      filters: { connection: { interface_id: input.id } },
    })
    if (accounts.length) {
      const { data: booked } = await query.graph({
        entity: "payment_assignment",
        fields: ["id"],
        filters: { status: "booked", transaction: { account_id: accounts.map((a) => a.id) } },
        pagination: { take: 1 },
      })
      if (booked.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "This interface has payments booked into orders and cannot be deleted. Disconnect its bank connections instead: the booked payments stay visible."
        )
      }
    }
    return new StepResponse(true)
  }
)
