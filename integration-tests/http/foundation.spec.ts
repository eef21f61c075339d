import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { InferTypeOf } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, defaultCurrencies } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { currencyDigits } from "../../src/lib/money"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import * as models from "../../src/modules/bank-reconciliation/models"
import BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createStoreCustomer } from "../__fixtures__/customer"
import { testPluginOptions } from "../__fixtures__/plugin-options"
import { createGermanRegion, createUnpaidOrder } from "../__fixtures__/order"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("runs the module's migrations: every model of the module has its table", async () => {
      const tables = Object.values(models).map((entity) => entity.parse().tableName).sort()
      expect(tables.length).toBeGreaterThanOrEqual(12)
      const rows = await dbConnection.raw(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name = any(?)`,
        [tables]
      )
      expect(rows.rows.map((r: { table_name: string }) => r.table_name).sort()).toEqual(tables)
    })

    it("parses the plugin's options with their defaults, and its admin routes need a login and show no secret", async () => {
      const container = getContainer()
      const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const options = await service.getOptions()
      const given = testPluginOptions()
      expect(options.invoiceNumber).toMatchObject(given.invoiceNumber!)
      expect(options.prepayment.reminders.days).toEqual([3, 7])
      expect(options.prepayment.autoCancel.afterDays).toBe(14)
      // defaults the test options leave out
      expect(options.matching.autoThreshold).toEqual(expect.any(Number))

      const { headers } = await createAdminUser(container)
      const anonymous = await api.get("/admin/bank-reconciliation/interfaces").catch((e) => e.response)
      expect(anonymous.status).toBe(401)
      const listed = await api.get("/admin/bank-reconciliation/interfaces", { headers })
      expect(listed.status).toBe(200)
      const everything = JSON.stringify((await api.get("/admin/bank-reconciliation/overview", { headers })).data) + JSON.stringify(listed.data)
      for (const secret of [given.finapi!.clientSecret, given.encryptionKey as string]) {
        expect(everything).not.toContain(secret)
      }
    })

    it("knows every currency's minor digits as Medusa does", () => {
      for (const [code, currency] of Object.entries(defaultCurrencies)) {
        expect([code, currencyDigits(code)]).toEqual([code, currency.decimal_digits])
      }
    })

    it("every list route takes core's fields, limit, offset and order, and never lists a secret column", async () => {
      const container = getContainer()
      const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const { headers } = await createAdminUser(container)
      const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12))
      const three = [3, 1, 2]
      const interfaces: InferTypeOf<typeof models.BankInterface>[] = []
      for (const n of three) {
        interfaces.push(await service.createBankInterfaces({ name: `Bank ${n}`, encrypted_password: `v1:sealed-secret-${n}` }))
      }
      const connections: InferTypeOf<typeof models.BankConnection>[] = []
      for (const n of three) {
        connections.push(await service.createBankConnections({ interface_id: interfaces[0].id, label: `Sparkasse ${n}` }))
      }
      const connection = connections[0]
      const accounts: InferTypeOf<typeof models.BankAccount>[] = []
      for (const n of three) {
        accounts.push(await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: `acc-${n}` }))
      }
      await service.createFinapiCallLogs(
        three.map((n) => ({ interface_id: interfaces[0].id, at: day(n), operation: "getUser", api: "access", method: "GET", path: "/api/v2/users", outcome: "ok" as const, request_id: `req-${n}` }))
      )
      await service.createSyncRuns(three.map((n) => ({ trigger: "job" as const, account_id: accounts[0].id, started_at: day(n) })))
      const transactions: InferTypeOf<typeof models.BankTransaction>[] = []
      for (const n of three) {
        transactions.push(
          await service.createBankTransactions({ account_id: accounts[0].id, finapi_transaction_id: `t${n}`, amount: `${n}00.00`, currency_code: "EUR", booking_date: day(n), fingerprint: `fp-lists-${n}`, raw: { note: `sealed-secret-raw-${n}` } })
        )
      }
      const tx = transactions[0]
      for (const n of three) {
        // confirmed, not booked: the booking list's rows
        await service.createPaymentAssignments({ transaction_id: tx.id, order_id: `order_list_${n}`, amount: `${n}0.00`, currency_code: "EUR", source: "manual", status: "confirmed" })
      }
      // the trail: the import entry (the payment's own row) and two stored events
      for (const kind of ["assigned", "confirmed"] as const) {
        await service.createPaymentEvents({ transaction_id: tx.id, kind, actor_type: "engine", order_id: "order_list_1", amount: "10.00" })
      }
      for (const n of three) {
        await service.createLearnedPayers({ customer_id: "cus_lists", kind: "name", value: `Payer ${n}`, normalized: `payer ${n}`, learned_from: "manual" })
      }
      for (const n of three) {
        await service.createRefundExports({ message_id: `MSG-${n}`, file_name: `refund-${n}.xml`, format: "pain.001.001.09", currency_code: "EUR", total: `${n}.00`, count: 1, debtor_iban: "DE02120300000000202051", debtor_name: "Shop", xml: "<Document/>" })
      }

      const lists = [
        { path: "/admin/bank-reconciliation/interfaces", key: "interfaces", sortBy: "created_at", secret: "encrypted_password" },
        { path: `/admin/bank-reconciliation/interfaces/${interfaces[0].id}/log`, key: "log", sortBy: "at" },
        { path: "/admin/bank-reconciliation/accounts", key: "accounts", sortBy: "created_at" },
        { path: "/admin/bank-reconciliation/sync-runs", key: "sync_runs", sortBy: "started_at" },
        { path: "/admin/bank-reconciliation/assignments", key: "assignments", sortBy: "amount" },
        { path: "/admin/bank-reconciliation/refunds", key: "refund_exports", sortBy: "created_at", secret: "xml" },
        { path: `/admin/bank-reconciliation/interfaces/${interfaces[0].id}/bank-connections`, key: "bank_connections", sortBy: "created_at" },
        { path: "/admin/bank-reconciliation/transactions", key: "transactions", sortBy: "amount", secret: "raw" },
        { path: `/admin/bank-reconciliation/transactions/${tx.id}/events`, key: "events", sortBy: "at" },
        { path: "/admin/bank-reconciliation/customers/cus_lists/learned-payers", key: "learned_payers", sortBy: "created_at" },
        { path: "/admin/bank-reconciliation/bookings", key: "bookings", sortBy: "amount", id: "assignment_id", max: 1000 },
        // the module's query has one order (newest booking first)
        { path: "/admin/bank-reconciliation/refunds/candidates", key: "candidates", sortBy: "booking_date", newestFirst: true, max: 1000 },
      ]
      for (const list of lists) {
        const id = list.id ?? "id"
        const sign = list.newestFirst ? "-" : ""
        const get = (query: string) => api.get(`${list.path}?${query}`, { headers }).catch((e) => e.response)
        const all = await get(`fields=${id},${list.sortBy}&order=${sign}${list.sortBy}&limit=200`)
        expect([list.key, all.status]).toEqual([list.key, 200])
        const rows = all.data[list.key] as Record<string, unknown>[]
        expect([list.key, all.data.count, rows.length]).toEqual([list.key, 3, 3])
        expect([list.key, Object.keys(rows[0]).sort()]).toEqual([list.key, [id, list.sortBy].sort()])
        const values = rows.map((row) => (list.sortBy === "amount" ? Number(row.amount) : new Date(row[list.sortBy] as string).getTime()))
        expect([list.key, values]).toEqual([list.key, [...values].sort((a, b) => (list.newestFirst ? b - a : a - b))])

        const second = await get(`fields=${id}&order=-${list.sortBy}&limit=1&offset=1`)
        expect([list.key, second.data.count, second.data.limit, second.data.offset]).toEqual([list.key, 3, 1, 1])
        expect([list.key, second.data[list.key]]).toEqual([list.key, [{ [id]: rows[1][id] }]])

        const refused = await get("order=no_such_field")
        expect([list.key, refused.status]).toEqual([list.key, 400])
        const tooMany = await get(`limit=${(list.max ?? 200) + 1}`)
        expect([list.key, tooMany.status]).toEqual([list.key, 400])
        if (list.secret) {
          const asked = await get(`fields=id,${list.secret},*`)
          expect([list.key, asked.status]).toEqual([list.key, 200])
          expect(JSON.stringify(asked.data)).not.toMatch(/sealed-secret|<Document/)
        }
      }

      // without fields, the rows the admin reads keep their shape
      const { data: payments } = await api.get("/admin/bank-reconciliation/transactions", { headers })
      // newest booking first: days 3, 2, 1 (created in the order 3, 1, 2)
      expect(payments.transactions.map((t: { id: string }) => t.id)).toEqual([transactions[0].id, transactions[2].id, transactions[1].id])
      expect(payments.transactions[2]).toEqual(expect.objectContaining({ account: expect.objectContaining({ iban: null }), assignments: expect.any(Array), status: "unassigned" }))
      const { data: bookings } = await api.get("/admin/bank-reconciliation/bookings?group_by=customer", { headers })
      expect(bookings.bookings[0]).toEqual(expect.objectContaining({ assignment_id: expect.any(String), customer_name: null, transaction: expect.objectContaining({ id: tx.id, purpose: null }) }))
      expect(bookings.groups[0].rows).toEqual(bookings.bookings)

      // the trail's import entry (the payment's own row, not a stored event) sits at its earliest end, in either direction
      const trailPath = `/admin/bank-reconciliation/transactions/${tx.id}/events`
      const trail = (await api.get(`${trailPath}?fields=id,kind`, { headers })).data.events
      expect(trail[0]).toEqual({ id: `${tx.id}-imported`, kind: "imported" })
      for (const [order, expected] of [["at", trail], ["-at", [...trail].reverse()]]) {
        const onePerPage: { id: string; kind: string }[] = []
        for (const offset of [0, 1, 2]) {
          onePerPage.push(...(await api.get(`${trailPath}?fields=id,kind&order=${order}&limit=1&offset=${offset}`, { headers })).data.events)
        }
        expect(onePerPage).toEqual(expected)
        expect((await api.get(`${trailPath}?fields=id,kind&order=${order}&limit=2&offset=1`, { headers })).data.events).toEqual(expected.slice(1))
      }
    })

    it("creates an unpaid order with a not_paid payment collection, reachable from an assignment", async () => {
      const container = getContainer()
      const region = await createGermanRegion(container)
      const { customer } = await createStoreCustomer(container)
      const { order, paymentCollection } = await createUnpaidOrder(container, {
        region_id: region.id,
        customer_id: customer.id,
        items: [{ title: "Espresso", quantity: 2, unit_price: 59.5 }],
      })
      expect(paymentCollection.status).toBe("not_paid")
      expect(Number(paymentCollection.amount)).toBe(119)

      const { result } = await getOrderDetailWorkflow(container).run({
        input: { order_id: order.id, fields: ["id", "payment_status", "summary.*"] },
      })
      expect(result.payment_status).toBe("not_paid")

      const service = container.resolve<BankReconciliationModuleService>(BANK_RECONCILIATION_MODULE)
      const bankInterface = await service.createBankInterfaces({ name: "Hausbank" })
      const connection = await service.createBankConnections({ interface_id: bankInterface.id, label: "Sparkasse" })
      const account = await service.createBankAccounts({ connection_id: connection.id, finapi_account_id: "1" })
      const [tx] = await service.createBankTransactions([
        {
          account_id: account.id,
          finapi_transaction_id: "9",
          amount: "119.00",
          currency_code: "EUR",
          booking_date: new Date(),
          fingerprint: "fp",
        },
      ])
      await service.createPaymentAssignments({
        transaction_id: tx.id,
        order_id: order.id,
        customer_id: customer.id,
        amount: "119.00",
        currency_code: "EUR",
        source: "manual",
      })

      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "payment_assignment",
        fields: ["id", "amount", "order.id", "order.display_id", "customer.email"],
        filters: { order_id: order.id },
      })
      expect(data[0].order.display_id).toBe(order.display_id)
      expect(data[0].customer.email).toBe("erika@example.com")
    })
  },
})
