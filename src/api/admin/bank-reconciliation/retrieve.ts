import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { BANK_CONNECTION_FIELDS, BANK_INTERFACE_FIELDS } from "./query-config"

async function retrieve(scope: MedusaContainer, entity: string, fields: string[], id: string, label: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [row],
  } = await query.graph({ entity, fields, filters: { id } })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id "${id}" was not found`)
  }
  return row
}

/** Re-reads an interface with the fields the admin may see; 404 when it does not exist. */
export function retrieveBankInterface(scope: MedusaContainer, id: string) {
  return retrieve(scope, "bank_interface", BANK_INTERFACE_FIELDS, id, "Bank interface")
}

/** Re-reads a bank connection with its accounts; 404 when it does not exist. */
export function retrieveBankConnection(scope: MedusaContainer, id: string) {
  return retrieve(scope, "bank_connection", BANK_CONNECTION_FIELDS, id, "Bank connection")
}

/** The bank connections (with accounts) of an interface, oldest first. */
export async function listBankConnectionsOf(scope: MedusaContainer, interfaceId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "bank_connection",
    fields: BANK_CONNECTION_FIELDS,
    filters: { interface_id: interfaceId },
    pagination: { order: { created_at: "ASC" } },
  })
  return data
}
