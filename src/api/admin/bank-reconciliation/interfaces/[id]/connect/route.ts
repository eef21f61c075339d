import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { connectBankInterfaceWorkflow } from "../../../../../../workflows/online-banking/connect-bank-interface"
import { retrieveBankInterface } from "../../../retrieve"
import { AdminConnectBankInterfaceType } from "../../../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminConnectBankInterfaceType>, res: MedusaResponse) => {
  await retrieveBankInterface(req.scope, req.params.id)
  await connectBankInterfaceWorkflow(req.scope).run({
    input: { id: req.params.id, password: req.validatedBody.password },
  })
  res.json({ interface: await retrieveBankInterface(req.scope, req.params.id) })
}
