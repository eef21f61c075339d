// Test harness only ("app mode"): medusaIntegrationTestRunner loads this repo's src/ as the project.
// Excluded from the plugin build; host apps list the plugin under `plugins` instead (see README).
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { testBankTransferOptions } from "./integration-tests/__fixtures__/bank-transfer-options"
import { testPluginOptions } from "./integration-tests/__fixtures__/plugin-options"

loadEnv(process.env.NODE_ENV || "test", process.cwd())

module.exports = defineConfig({
  // no admin build here: tests and benchmarks that run `medusa start` on this config need the API only
  admin: { disable: true },
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
    { resolve: "./src/modules/bank-reconciliation", options: testPluginOptions(process.env.FINAPI_TEST_OPTIONS ? JSON.parse(process.env.FINAPI_TEST_OPTIONS) : {}) },
    // bench/booking and the two-instance tests run several Medusa processes against one database; their locks must meet
    ...sharedModules(process.env.MEDUSA_LOCKING, process.env.MEDUSA_REDIS_URL),
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

/** Locking (MEDUSA_LOCKING: postgres | redis), and with MEDUSA_REDIS_URL the Redis event bus and workflow engine, as a production deployment has them. */
function sharedModules(locking: string | undefined, redisUrl: string | undefined) {
  const provider = locking === "postgres" ? "locking-postgres" : locking === "redis" ? "locking-redis" : null
  return [
    ...(provider ? [{ resolve: "@medusajs/medusa/locking", options: { providers: [{ resolve: `@medusajs/medusa/${provider}`, id: provider, is_default: true, options: { redisUrl } }] } }] : []),
    ...(redisUrl
      ? [
          { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
          { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
        ]
      : []),
  ]
}
