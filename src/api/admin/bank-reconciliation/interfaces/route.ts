import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createBankInterfaceWorkflow } from "../../../../workflows/online-banking/create-bank-interface"
import { BANK_INTERFACE_FIELDS } from "../query-config"
import { graphList, page } from "../list-query"
import { AdminCreateBankInterfaceType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({ entity: "bank_interface", ...graphList(req.queryConfig) })
  res.json({ interfaces: data, ...page(metadata, data) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateBankInterfaceType>, res: MedusaResponse) => {
  const { result } = await createBankInterfaceWorkflow(req.scope).run({ input: req.validatedBody })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [bankInterface],
  } = await query.graph({ entity: "bank_interface", fields: BANK_INTERFACE_FIELDS, filters: { id: result.id } })
  res.status(201).json({ interface: bankInterface })
}
