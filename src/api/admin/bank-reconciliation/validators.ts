import { z } from "@medusajs/framework/zod"
import { entityId, lineText } from "../../input/primitives"
import { listParams } from "./list-query"

export const AdminListInterfaces = listParams({ order: "created_at" })

export const AdminListCallLog = listParams({ order: "-at" })

// an interface has a handful of connections; the admin reads them all
export const AdminListBankConnections = listParams({ order: "created_at", limit: 200 })

export const AdminCreateBankInterface = z.object({
  name: lineText(100, "name must not be empty"),
  description: z.string().max(500).nullish(),
})
export type AdminCreateBankInterfaceType = z.infer<typeof AdminCreateBankInterface>

export const AdminUpdateBankInterface = z.object({
  name: lineText(100, "name must not be empty").optional(),
  description: z.string().max(500).nullish(),
})
export type AdminUpdateBankInterfaceType = z.infer<typeof AdminUpdateBankInterface>

// finAPI allows up to 128 characters; leave it empty to let the plugin generate a strong one
export const AdminConnectBankInterface = z.object({
  password: z.string().min(6, "password must have at least 6 characters").max(128).optional(),
})
export type AdminConnectBankInterfaceType = z.infer<typeof AdminConnectBankInterface>

export const AdminStartWebForm = z.object({
  label: lineText(64, "label must not be empty"),
})
export type AdminStartWebFormType = z.infer<typeof AdminStartWebForm>

export const AdminListAccounts = listParams({ order: "created_at" }, {
  interface_id: entityId.optional(),
  connection_id: entityId.optional(),
})
export type AdminListAccountsType = z.infer<typeof AdminListAccounts>

export const AdminUpdateBankAccount = z.object({
  import_enabled: z.boolean({ error: "import_enabled must be true or false" }),
})
export type AdminUpdateBankAccountType = z.infer<typeof AdminUpdateBankAccount>
