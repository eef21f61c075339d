// Test harness only ("app mode"): medusaIntegrationTestRunner loads this repo's src/ as the project.
// Excluded from the plugin build; host apps list the plugin under `plugins` instead (see README).
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { testBankTransferOptions } from "./integration-tests/__fixtures__/bank-transfer-options"
import { testPluginOptions } from "./integration-tests/__fixtures__/plugin-options"

loadEnv(process.env.NODE_ENV || "test", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "*",
      adminCors: "*",
      authCors: "*",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  modules: [
    { resolve: "./src/modules/bank-reconciliation", options: testPluginOptions() },
    // bench/booking runs several Medusa processes against one database; their locks must meet
    ...(process.env.MEDUSA_LOCKING === "postgres"
      ? [
          {
            resolve: "@medusajs/medusa/locking",
            options: { providers: [{ resolve: "@medusajs/medusa/locking-postgres", id: "locking-postgres", is_default: true }] },
          },
        ]
      : []),
    {
      // customer notifications of the prepayment loop ("email") and the admin's feed ("feed")
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email", "feed"] } },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [{ resolve: "./src/providers/bank-transfer", id: "bank-transfer", options: testBankTransferOptions() }],
      },
    },
  ],
})
