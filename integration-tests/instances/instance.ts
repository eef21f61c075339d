import { ExecArgs } from "@medusajs/framework/types"
import fs from "fs"
import { createOrderPaymentCollectionWorkflow, createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import bookAutoAssignmentsJob from "../../src/jobs/book-auto-assignments"
import importBankTransactionsJob from "../../src/jobs/import-bank-transactions"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { bookAssignments } from "../../src/workflows/booking/book-assignments"
import { connectBankInterfaceWorkflow } from "../../src/workflows/online-banking/connect-bank-interface"
import { createBankInterfaceWorkflow } from "../../src/workflows/online-banking/create-bank-interface"
import { importBankTransactionsWorkflow } from "../../src/workflows/import/import-bank-transactions"
import { refreshBankConnectionsWorkflow } from "../../src/workflows/online-banking/refresh-bank-connections"

/**
 * One Medusa process of the two-instance tests (`medusa exec`, this repo's medusa-config). INSTANCE_TASK:
 * - `setup`: an interface connected to the sandbox's finAPI user, the Test Bank linked, refreshed and
 *   imported once (its first account only); then
 *   INSTANCE_ORDERS orders of 119 EUR (not_paid collection), each with an incoming payment and a
 *   confirmed assignment (every other one 50 EUR; the first INSTANCE_AUTO_ORDERS automatic, the rest
 *   manual, which the auto-book job leaves alone). Prints the accounts and assignments.
 * - `race`: waits for INSTANCE_GO (a file), then runs INSTANCE_JOBS together (comma list):
 *   `import` (the scheduled import job), `import-now` (the import it runs when due), `operator` (books INSTANCE_ASSIGNMENTS as the booking view
 *   does), `auto` (the auto-book job).
 */
export default async function instance({ container }: ExecArgs) {
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const task = process.env.INSTANCE_TASK
  if (task === "setup") {
    const linked = await link(container, service)
    await importBankTransactionsWorkflow(container).run({ input: { trigger: "operator" } })
    return report("INSTANCE_SETUP", { ...linked, assignments: await orders(container, service, Number(process.env.INSTANCE_ORDERS ?? 4)) })
  }
  const go = process.env.INSTANCE_GO
  if (go) {
    fs.writeFileSync(`${go}.ready-${process.pid}`, "")
    while (!fs.existsSync(go)) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  const ids = (process.env.INSTANCE_ASSIGNMENTS ?? "").split(",").filter(Boolean)
  const jobs = (process.env.INSTANCE_JOBS ?? "").split(",").filter(Boolean)
  const results = await Promise.all(
    jobs.map(async (job) => {
      if (job === "import") {
        return importBankTransactionsJob(container)
      }
      if (job === "import-now") {
        return importBankTransactionsWorkflow(container).run({ input: { trigger: "job" } })
      }
      if (job === "operator") {
        return bookAssignments(container, ids)
      }
      return bookAutoAssignmentsJob(container)
    })
  )
  report("INSTANCE_DONE", { jobs, booked: results.flatMap((r) => (Array.isArray(r) ? r : [])).map((r) => r.status) })
}

function report(tag: string, value: unknown) {
  console.log(`${tag} ${JSON.stringify(value)}`)
}

async function link(container: ExecArgs["container"], service: BankReconciliationModuleService) {
  const sandbox = process.env.FINAPI_ACCESS_URL!
  const { result: created } = await createBankInterfaceWorkflow(container).run({ input: { name: "Hausbank" } })
  const { result: connected } = await connectBankInterfaceWorkflow(container).run({ input: { id: created.id, password: "instances-test-password" } })
  const userId = (connected as { finapi_user_id: string }).finapi_user_id
  const response = await fetch(`${sandbox}/__sandbox/bankConnections`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId }) })
  if (!response.ok) {
    throw new Error(`sandbox: ${response.status} ${await response.text()}`)
  }
  await refreshBankConnectionsWorkflow(container).run({ input: { interface_id: created.id } })
  const accounts = await service.listBankAccounts({}, { select: ["id", "finapi_account_id"], order: { finapi_account_id: "ASC" } })
  // only the first account imports; the sandbox's others stay out of the counts
  await service.updateBankAccounts(accounts.slice(1).map((a) => ({ id: a.id, import_enabled: false })))
  return { interface_id: created.id, accounts: accounts.map((a) => ({ id: a.id, finapi_account_id: a.finapi_account_id })) }
}

async function orders(container: ExecArgs["container"], service: BankReconciliationModuleService, count: number) {
  const [existing] = await service.listBankAccounts({ finapi_account_id: "local" }, { select: ["id"] })
  const accountId = existing?.id ?? (await localAccount(service))
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: `DE ${Date.now()}`, currency_code: "eur", countries: [], payment_providers: ["pp_system_default"] }] },
  })
  const assignments: { id: string; order_id: string; amount: string }[] = []
  const automatic = Number(process.env.INSTANCE_AUTO_ORDERS ?? count)
  for (let i = 0; i < count; i++) {
    const { result: order } = await createOrderWorkflow(container).run({
      input: { region_id: region.id, currency_code: "eur", email: `instances${i}@example.com`, items: [{ title: "Kaffeemühle", quantity: 1, unit_price: 119 }] },
    })
    await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 119 } })
    const amount = i % 2 === 0 ? "119" : "50"
    const [transaction] = await service.createBankTransactions([
      { account_id: accountId, finapi_transaction_id: `L-${order.id}`, amount, currency_code: "EUR", booking_date: new Date(), purpose: `Order ${order.display_id}`, fingerprint: `fp-${order.id}` },
    ])
    const assignment = await service.createPaymentAssignments({
      transaction_id: transaction.id, order_id: order.id, amount, currency_code: "eur", source: i < automatic ? "auto" : "manual", status: "confirmed", confirmed_at: new Date(),
    })
    await service.refreshTransactionStatuses([transaction.id])
    assignments.push({ id: assignment.id, order_id: order.id, amount })
  }
  return assignments
}

async function localAccount(service: BankReconciliationModuleService) {
  const bankInterface = await service.createBankInterfaces({ name: "Local" })
  const connection = await service.createBankConnections({ interface_id: bankInterface.id, label: "Local", finapi_bank_connection_id: "local", status: "active" })
  const account = await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "local", currency_code: "EUR", import_enabled: false })
  return account.id
}
