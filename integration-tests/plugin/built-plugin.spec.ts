import { execFileSync } from "child_process"
import { existsSync } from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../__fixtures__/admin-user"
import { createStoreCustomer } from "../__fixtures__/customer"

jest.setTimeout(240_000)

const root = path.resolve(__dirname, "../..")
const hostApp = path.join(__dirname, "host-app")

// The smoke test is about the published artifact, so build it when it is missing.
if (!existsSync(path.join(root, ".medusa/server/src/modules/bank-reconciliation/index.js"))) {
  execFileSync("npx", ["medusa", "plugin:build"], { cwd: root, stdio: "inherit" })
}

medusaIntegrationTestRunner({
  cwd: hostApp,
  medusaConfigFile: hostApp,
  testSuite: ({ getContainer, dbConnection, api }) => {
    it("boots a host app with the built plugin and has the module's tables", async () => {
      const container = getContainer()
      const service = container.resolve("bankReconciliation") as { getOptions(): Promise<{ invoiceNumber: { format: string } }> }
      expect((await service.getOptions()).invoiceNumber.format).toBe("INV-{display_id}")
      // the module is loaded from the build output, not from src/
      const modules = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).modules as Record<string, { resolve?: string }>
      expect(String(modules.bankReconciliation?.resolve)).toContain(path.join(".medusa", "server", "src", "modules"))

      const tables = await dbConnection.raw(
        `select table_name from information_schema.tables where table_schema = 'public' and table_name like 'bank_%' or table_name in ('payment_assignment','sync_run')`
      )
      expect(tables.rows.map((r: { table_name: string }) => r.table_name).sort()).toEqual(
        expect.arrayContaining(["bank_account", "bank_connection", "bank_interface", "bank_transaction", "payment_assignment", "sync_run"])
      )
    })

    it("serves the plugin's admin and store routes from the build", async () => {
      const container = getContainer()
      const { headers } = await createAdminUser(container)
      const interfaces = await api.get("/admin/bank-reconciliation/interfaces", { headers })
      expect(interfaces.status).toBe(200)
      expect(interfaces.data.interfaces).toEqual([])
      const denied = await api.get("/admin/bank-reconciliation/interfaces").catch((e) => e.response)
      expect(denied.status).toBe(401)

      // the plugin's store route answers (its own "not found" for an order that does not exist)
      const customer = await createStoreCustomer(container)
      const missing = await api.get("/store/orders/order_missing/bank-transfer", { headers: customer.headers }).catch((e) => e.response)
      expect(missing.status).toBe(404)
      expect(missing.data.message).toBe("Order id not found: order_missing")
    })
  },
})
