import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { BANK_RECONCILIATION_MODULE } from "../../src/modules/bank-reconciliation"
import BankReconciliationModuleService from "../../src/modules/bank-reconciliation/service"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createStoreCustomer } from "../__fixtures__/customer"
import { createGermanRegion, createUnpaidOrder } from "../__fixtures__/order"

jest.setTimeout(300_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it("runs the module's migrations: every table of the data model exists", async () => {
      const rows = await dbConnection.raw(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name in
          ('bank_interface','bank_connection','bank_account','bank_transaction','payment_assignment','sync_run')`
      )
      expect(rows.rows.map((r: { table_name: string }) => r.table_name).sort()).toEqual([
        "bank_account",
        "bank_connection",
        "bank_interface",
        "bank_transaction",
        "payment_assignment",
        "sync_run",
      ])
    })

    it("gives an admin token that the admin API accepts, and refuses requests without one", async () => {
      const { headers, user } = await createAdminUser(getContainer())
      const me = await api.get("/admin/users/me", { headers })
      expect(me.data.user.id).toBe(user.id)
      const anonymous = await api.get("/admin/users/me").catch((e) => e.response)
      expect(anonymous.status).toBe(401)
    })

    it("gives a customer token and publishable key that the store API accepts", async () => {
      const { headers, customer } = await createStoreCustomer(getContainer())
      const me = await api.get("/store/customers/me", { headers })
      expect(me.data.customer.id).toBe(customer.id)
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
