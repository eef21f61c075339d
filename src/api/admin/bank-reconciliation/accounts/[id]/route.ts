import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { updateBankAccountWorkflow } from "../../../../../workflows/online-banking/update-bank-account"
import { BANK_ACCOUNT_FIELDS } from "../../query-config"
import { AdminUpdateBankAccountType } from "../../validators"

async function retrieveAccount(req: AuthenticatedMedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [account],
  } = await query.graph({ entity: "bank_account", fields: BANK_ACCOUNT_FIELDS, filters: { id } })
  if (!account) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Bank account with id "${id}" was not found`)
  }
  return account
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateBankAccountType>, res: MedusaResponse) => {
  await retrieveAccount(req, req.params.id)
  await updateBankAccountWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ account: await retrieveAccount(req, req.params.id) })
}
