import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { createStoreCustomer } from "../__fixtures__/customer"
import { createGermanRegion, createUnpaidOrder } from "../__fixtures__/order"
import { derivePaymentReference, formatPaymentReference } from "../../src/lib/bank-transfer/payment-reference"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import type BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import type { ImportedTransactionInsert } from "../../src/modules/bank-reconciliation/service"
import { transactionFingerprint } from "../../src/modules/bank-reconciliation/transaction-fingerprint"
import { matchImportedTransactionsWorkflow, matchPendingTransactions } from "../../src/workflows/assignment/match-imported-transactions"
import { endMatchingRun, startMatchingRun } from "../../src/workflows/matching/open-items-snapshot"

jest.setTimeout(300_000)

type Payment = { amount: string; purpose: string; name: string }
type Decision = { purpose: string; status: string; assignments: string[] }

/**
 * The import hand-off's batches share one snapshot of the open items (open-items-snapshot.ts)
 * instead of reading every open item per batch. Batches of one payment, where each batch's
 * confirmed assignments change what the next batch may assign (the same order named twice, two
 * orders of one customer owing the same amount, an order paid elsewhere between two batches),
 * must end with the decisions a full read per batch makes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    it("decides as a full read per batch would, batch after batch", async () => {
      const container = getContainer()
      const pg = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const region = await createGermanRegion(container)
      const erika = (await createStoreCustomer(container, { email: "erika@example.com", first_name: "Erika", last_name: "Mustermann" })).customer
      const jonas = (await createStoreCustomer(container, { email: "jonas@example.com", first_name: "Jonas", last_name: "Brenner" })).customer
      const order = async (customer: { id: string; email: string }, price: number) =>
        createUnpaidOrder(container, { region_id: region.id, customer_id: customer.id, email: customer.email, items: [{ title: "Kaffee", quantity: 1, unit_price: price }] })
      const a = await order(erika, 100)
      const b = await order(erika, 100)
      const c = await order(jonas, 50)
      const d = await order(jonas, 30)
      const paidElsewhere = await order(jonas, 42)
      const ref = (o: { order: { id: string } }) => formatPaymentReference(derivePaymentReference(o.order.id))
      // references are stored by order.placed's subscriber; the fixture emits no event
      for (const o of [a, b, c, d, paidElsewhere]) {
        await pg.raw(`update "order" set metadata = coalesce(metadata, '{}'::jsonb) || ?::jsonb where id = ?`, [JSON.stringify({ payment_reference: derivePaymentReference(o.order.id) }), o.order.id])
      }

      const bankInterface = await service.createBankInterfaces({ name: "Testbank" })
      const connection = await service.createBankConnections({ label: "Test", interface_id: bankInterface.id })
      const account = await service.createBankAccounts({ finapi_account_id: "snapshot", connection_id: connection.id, name: "Girokonto" } as never)
      const payments: Payment[] = [
        { amount: "100.00", purpose: `${ref(a)} Bestellung`, name: "Erika Mustermann" },
        { amount: "100.00", purpose: `${ref(a)} nochmal`, name: "Erika Mustermann" },
        { amount: "100.00", purpose: "Kaffee", name: "Erika Mustermann" },
        { amount: "100.00", purpose: "Kaffee Nachbestellung", name: "Erika Mustermann" },
        { amount: "50.00", purpose: `${ref(c)}`, name: "Jonas Brenner" },
        { amount: "42.00", purpose: "Kaffee Kanne", name: "Jonas Brenner" },
        { amount: "30.00", purpose: "Filter", name: "Jonas Brenner" },
        { amount: "80.00", purpose: `${ref(c)} ${ref(d)}`, name: "Jonas Brenner" },
      ]
      const rows = payments.map((p, n): ImportedTransactionInsert => {
        const day = `2026-11-${String(n + 1).padStart(2, "0")}T00:00:00.000Z`
        return {
          id: `btx_snapshot${n}`, account_id: account.id, finapi_transaction_id: `snapshot-${n}`, amount: p.amount, currency_code: "EUR",
          booking_date: day, value_date: day, import_date: day, purpose: p.purpose, counterpart_name: p.name, counterpart_iban: null,
          counterpart_bic: null, end_to_end_reference: null, mandate_reference: null, creditor_id: null,
          fingerprint: transactionFingerprint({ ownAccount: account.id, counterpartIban: null, bookingDate: day.slice(0, 10), amount: p.amount, currency: "EUR", endToEndReference: null, purpose: p.purpose }),
          is_potential_duplicate: false, duplicate_of_id: null, sync_run_id: "snapshot", raw: null,
        }
      })
      await service.insertImportedTransactions(rows)

      const decisions = async (): Promise<Decision[]> => {
        const { rows: found } = await pg.raw(
          `select t.purpose, t.status,
                  coalesce((select json_agg(a.order_id || ':' || a.status || ':' || round(a.amount, 2) order by a.order_id, a.status)
                              from payment_assignment a where a.transaction_id = t.id and a.deleted_at is null), '[]') as assignments
             from bank_transaction t where t.id like 'btx_snapshot%' order by t.id`
        )
        return found
      }
      const reset = async () => {
        await pg.raw(`delete from payment_assignment`)
        await pg.raw(
          `update bank_transaction set status = 'unassigned', assigned_amount = 0, raw_assigned_amount = '{"value": "0", "precision": 20}',
                  needs_matching = true, matching_claimed_at = null, held_reason = null, held_order_id = null where id like 'btx_snapshot%'`
        )
      }
      // what Medusa's summary says once the order is paid elsewhere (a capture), and before
      const owes = (pending: string) =>
        pg.raw(
          `update order_summary set totals = jsonb_set(jsonb_set(totals, '{pending_difference}', ?::jsonb), '{raw_pending_difference}', ?::jsonb), updated_at = now() where order_id = ?`,
          [pending, JSON.stringify({ value: pending, precision: 20 }), paidElsewhere.order.id]
        )
      // one batch per payment; the order paid elsewhere is paid once the first three batches ran
      const inBatches = async (runId?: string) => {
        await owes("42")
        for (let n = 0; ; n++) {
          if (n === 3) {
            await owes("0")
          }
          const { result } = await matchImportedTransactionsWorkflow(container).run({ input: { limit: 1, run_id: runId } })
          if (!result.claimed) {
            return await decisions()
          }
        }
      }

      // a full read of the open items per batch (no run: what every batch did before)
      const fullRead = await inBatches()
      expect(fullRead.filter((d) => d.status === "assigned").length).toBeGreaterThanOrEqual(2)
      expect(fullRead.find((d) => d.purpose.endsWith("nochmal"))!.assignments).not.toContainEqual(expect.stringMatching(`^${a.order.id}:confirmed`))
      expect(fullRead.find((d) => d.purpose === "Kaffee Kanne")!.assignments).not.toContainEqual(expect.stringMatching(`^${paidElsewhere.order.id}:confirmed`))

      // the same with one snapshot for the whole run
      await reset()
      const runId = startMatchingRun()
      try {
        expect(await inBatches(runId)).toEqual(fullRead)
      } finally {
        endMatchingRun(runId)
      }

      // matchPendingTransactions (one run) in batches of one, against a full read per batch
      await reset()
      await owes("0")
      expect((await matchPendingTransactions(container, 1)).batches).toBe(payments.length)
      const oneRun = await decisions()
      await reset()
      while ((await matchImportedTransactionsWorkflow(container).run({ input: { limit: 1 } })).result.claimed) {
        // one batch after the other
      }
      expect(oneRun).toEqual(await decisions())
    })
  },
})

