import { execFileSync } from "child_process"
import { existsSync } from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../__fixtures__/admin-user"

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
      const { headers } = await createAdminUser(container)
      expect((await api.get("/admin/users/me", { headers })).status).toBe(200)
    })
  },
})
