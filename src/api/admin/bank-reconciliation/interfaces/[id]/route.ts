import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteBankInterfaceWorkflow } from "../../../../../workflows/online-banking/delete-bank-interface"
import { updateBankInterfaceWorkflow } from "../../../../../workflows/online-banking/update-bank-interface"
import { retrieveBankInterface } from "../../retrieve"
import { AdminUpdateBankInterfaceType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ interface: await retrieveBankInterface(req.scope, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateBankInterfaceType>, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  await updateBankInterfaceWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ interface: await retrieveBankInterface(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  await deleteBankInterfaceWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "bank_interface", deleted: true })
}
