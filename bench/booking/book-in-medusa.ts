import { ExecArgs } from "@medusajs/framework/types"
import os from "os"
import { createOrderPaymentCollectionWorkflow, createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { bookAssignments } from "../../src/workflows/book-assignments"

/**
 * Runs inside a booted Medusa app (`medusa exec`): BENCH_BOOKINGS orders of 119 EUR with a not_paid
 * collection, one incoming payment and one confirmed assignment each (every other one exact, so the
 * collection is marked paid; the rest 50 EUR, booked through a system-provider session and a partial
 * capture), then books them all through the booking workflow with BENCH_WORKERS parallel workers.
 * Prints one JSON line.
 */
export default async function bookInMedusa({ container }: ExecArgs) {
  const count = Number(process.env.BENCH_BOOKINGS ?? 1000)
  const workers = Number(process.env.BENCH_WORKERS ?? 4)
  const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Bench DE", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }] },
  })
  const bankInterface = await service.createBankInterfaces({ name: "Bench bank" })
  const connection = await service.createBankConnections({ interface_id: bankInterface.id, label: "Bench", finapi_bank_connection_id: "1", status: "active" })
  const account = await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "1", currency_code: "EUR" })

  const setupStarted = Date.now()
  const ids: string[] = []
  await inParallel(count, 8, async (i) => {
    const { result: order } = await createOrderWorkflow(container).run({
      input: { region_id: region.id, currency_code: "eur", email: `bench${i}@example.com`, items: [{ title: "Kaffeemühle", quantity: 1, unit_price: 119 }] },
    })
    await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 119 } })
    const amount = i % 2 === 0 ? "119" : "50"
    const [transaction] = await service.createBankTransactions([
      { account_id: account.id, finapi_transaction_id: `B${i}`, amount: amount as unknown as number, currency_code: "EUR", booking_date: new Date(), purpose: `Bench ${i}`, fingerprint: `bench-${i}` },
    ])
    const assignment = await service.createPaymentAssignments({
      transaction_id: transaction.id, order_id: order.id, amount: amount as unknown as number, currency_code: "eur", source: "auto", status: "confirmed", confirmed_at: new Date(),
    })
    ids[i] = assignment.id
  })
  const setupSeconds = (Date.now() - setupStarted) / 1000

  const chunks = Array.from({ length: workers }, (_, w) => ids.filter((_, i) => i % workers === w))
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  const results = (await Promise.all(chunks.map((chunk) => bookAssignments(container, chunk)))).flat()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  const again = Date.now()
  const repeat = await bookAssignments(container, ids.slice(0, 100))
  const repeatSeconds = (Date.now() - again) / 1000

  const booked = results.filter((r) => r.status === "booked").length
  const failures = results.filter((r) => r.status === "failed").map((r) => r.reason)
  console.log(
    "BENCH_RESULT " +
      JSON.stringify({
        bookings: count,
        workers,
        booked,
        failed: failures.length,
        first_failure: failures[0] ?? null,
        seconds,
        per_second: booked / seconds,
        cpu_ms_per_booking: (cpu.user + cpu.system) / 1000 / count,
        load_average: os.loadavg()[0],
        setup_seconds: setupSeconds,
        repeat_already_booked: repeat.filter((r) => r.already_booked).length,
        repeat_per_second: repeat.length / repeatSeconds,
      })
  )
}

async function inParallel(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        await work(next++)
      }
    })
  )
}
