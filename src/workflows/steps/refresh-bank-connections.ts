import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { withFinapiUser } from "../finapi/finapi-user-session"
import { mirrorBankConnection } from "../finapi/mirror-bank-connections"

export const refreshBankConnectionsStepId = "refresh-bank-connections"

/**
 * "Refresh list": re-reads every bank connection and account of the interface's finAPI user.
 * Connections linked elsewhere are added; ones gone at finAPI are marked disconnected (data kept).
 */
export const refreshBankConnectionsStep = createStep(
  refreshBankConnectionsStepId,
  async (input: { interface_id: string }, { container }) => {
    const result = await withFinapiUser(container, input.interface_id, "Refreshing the bank connections", async ({ client, user, service }) => {
      const now = new Date()
      const finapiConnections = await client.listBankConnections(user)
      const accounts = finapiConnections.length ? await client.listAccounts(user) : []
      const local = await service.listBankConnections({ interface_id: input.interface_id })
      const byFinapiId = new Map(local.filter((c) => c.finapi_bank_connection_id).map((c) => [c.finapi_bank_connection_id!, c]))
      let added = 0
      for (const finapiConnection of finapiConnections) {
        let row = byFinapiId.get(String(finapiConnection.id))
        if (!row) {
          row = await service.createBankConnections({
            interface_id: input.interface_id,
            label: finapiConnection.name || finapiConnection.bank?.name || `Bank connection ${finapiConnection.id}`,
            finapi_bank_connection_id: String(finapiConnection.id),
          })
          added++
        }
        await mirrorBankConnection(service, row.id, finapiConnection, accounts, now)
      }
      const atFinapi = new Set(finapiConnections.map((c) => String(c.id)))
      const gone = local.filter(
        (c) => c.finapi_bank_connection_id && c.status !== "disconnected" && !atFinapi.has(c.finapi_bank_connection_id)
      )
      for (const connection of gone) {
        await service.updateBankConnections({
          id: connection.id,
          status: "disconnected",
          disconnected_at: now,
          last_error: "The bank connection no longer exists at finAPI.",
        })
      }
      return { connections: finapiConnections.length, added, disconnected: gone.length }
    })
    return new StepResponse(result)
  }
)
