/**
 * `medusa exec` script of the hand-off test: links the sandbox's test bank, places an unpaid order,
 * puts a payment naming its reference (and HAND_OFF_OTHERS unrelated ones) on the Girokonto,
 * imports them, prints `IMPORTED {…}` and kills its own process at once (SIGKILL: no shutdown, no
 * finally), i.e. between the import and the matching its event starts.
 */
import { writeSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import { formatPaymentReference } from "../../src/lib/bank-transfer/payment-reference"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { paymentReferenceForOrder } from "../../src/lib/bank-transfer/order-payment-reference"
import { connectBankInterfaceWorkflow } from "../../src/workflows/online-banking/connect-bank-interface"
import { createBankInterfaceWorkflow } from "../../src/workflows/online-banking/create-bank-interface"
import { importBankTransactionsWorkflow } from "../../src/workflows/import/import-bank-transactions"
import { refreshBankConnectionsWorkflow } from "../../src/workflows/online-banking/refresh-bank-connections"
import { createStoreCustomer } from "./customer"
import { createGermanRegion, createUnpaidOrder } from "./order"

export default async function importThenDie({ container }: ExecArgs) {
  const sandboxUrl = process.env.FINAPI_ACCESS_URL!
  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${sandboxUrl}/__sandbox${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
    if (!res.ok) {
      throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`)
    }
    return res.json()
  }
  const region = await createGermanRegion(container)
  const { customer } = await createStoreCustomer(container, { email: "lena.vogel@example.com", first_name: "Lena", last_name: "Vogel" })
  const { order } = await createUnpaidOrder(container, {
    region_id: region.id,
    customer_id: customer.id,
    email: customer.email,
    items: [{ title: "Espressomaschine", quantity: 1, unit_price: 249 }],
  })
  const reference = paymentReferenceForOrder(order).reference

  const { result: created } = await createBankInterfaceWorkflow(container).run({ input: { name: "Hausbank" } })
  const { result: connected } = await connectBankInterfaceWorkflow(container).run({ input: { id: created.id, password: "Hand-Off-Pw-4711" } })
  await control("/bankConnections", { userId: connected.finapi_user_id, blz: "DEMO0001", pinSaved: true })
  await refreshBankConnectionsWorkflow(container).run({ input: { interface_id: created.id } })
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const [giro] = await service.listBankAccounts({ name: "Girokonto" })
  const others = Number(process.env.HAND_OFF_OTHERS ?? 300)
  await control(`/accounts/${giro.finapi_account_id}/transactions`, {
    transactions: [
      { amount: 249, purpose: `${formatPaymentReference(reference)} Vorkasse`, counterpartName: "Lena Vogel" },
      ...Array.from({ length: others }, (_, i) => ({ amount: 10 + (i % 90), purpose: `Spende ${i}`, counterpartName: `Spender ${i}` })),
    ],
  })
  const { result } = await importBankTransactionsWorkflow(container).run({ input: { trigger: "operator", account_ids: [giro.id] } })
  // synchronously, before the matching the import's event starts gets to the database
  writeSync(1, `IMPORTED ${JSON.stringify({ order_id: order.id, imported: result.counts.imported })}\n`)
  process.kill(process.pid, "SIGKILL")
}
