import type { AxiosInstance } from "axios"
import type { SandboxHandle } from "../../sandbox/server"

const BASE = "/admin/bank-reconciliation"

/**
 * Links the finAPI Test Bank (PIN saved) through the admin API as an operator would: create an
 * interface, connect it, open the web form, complete it in the sandbox, follow it. Returns the
 * interface, the connection, its Girokonto and the finAPI user's credentials.
 */
export async function linkTestBankThroughAdmin(
  api: AxiosInstance,
  headers: Record<string, string>,
  sandbox: SandboxHandle,
  password: string
) {
  const post = (path: string, body: unknown = {}) => api.post(`${BASE}${path}`, body, { headers })
  const created = await post("/interfaces", { name: "Hausbank" })
  const bankInterface = (await post(`/interfaces/${created.data.interface.id}/connect`, { password })).data.interface
  const pending = (await post(`/interfaces/${bankInterface.id}/web-forms`, { label: "Sparkasse" })).data.bank_connection
  sandbox.control.completeWebForm(pending.web_form_id, { savePin: true })
  const connection = (await post(`/bank-connections/${pending.id}/refresh`)).data.bank_connection
  const giro = connection.accounts.find((a: { name: string }) => a.name === "Girokonto")
  const user = { userId: bankInterface.finapi_user_id as string, password }
  return { bankInterface, connection, giro, user }
}
