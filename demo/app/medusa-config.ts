import fs from "fs"
import path from "path"
import { defineConfig } from "@medusajs/framework/utils"

// demo/start.js decides which Postgres to use and passes it in; running the
// Medusa CLI here by hand needs DATABASE_URL set the same way.
const databaseUrl = process.env.DATABASE_URL
const sandboxUrl = process.env.DEMO_FINAPI_URL || "http://localhost:4010"
// The repo root and where its node_modules really are (a symlink in a git worktree): the dashboard's
// fonts come from there, so vite must be allowed to serve them.
const repoRoot = path.resolve(__dirname, "..", "..")
const dashboardRoots = [repoRoot, fs.realpathSync(path.join(repoRoot, "node_modules"))]

// demo/start.js sets DEMO_REDIS_URL when a local Redis answers: then sessions, the event bus, the
// workflow engine and locking use it (as a production shop would); otherwise Medusa's in-memory ones.
const redisUrl = process.env.DEMO_REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
      },
    ]
  : []

// A fixed development key: the demo stores only sandbox credentials with it.
// A real shop sets its own key from a secret store.
const DEMO_ENCRYPTION_KEY =
  "6d656475736120706c7567696e2066696e61706920646576206f6e6c79206b21"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    ...(redisUrl ? { redisUrl } : {}),
    http: {
      storeCors: "http://localhost:8000,http://localhost:9000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "finapi-demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "finapi-demo-cookie-secret",
    },
  },
  admin: {
    backendUrl: "http://localhost:9000",
    vite: (config: { server?: { fs?: { allow?: string[] } } }) => ({
      ...config,
      server: { ...config.server, fs: { ...config.server?.fs, allow: [...(config.server?.fs?.allow ?? []), ...dashboardRoots] } },
    }),
  },
  plugins: [
    {
      // demo/start.js links demo/app/node_modules/medusa-plugin-finapi to the
      // repo root, so the backend and the admin bundler load the built plugin
      // (.medusa/server) exactly as a shop that installed it from npm would.
      resolve: "medusa-plugin-finapi",
      options: {
        finapi: {
          accessUrl: sandboxUrl,
          webFormUrl: sandboxUrl,
          clientId: "sandbox-client",
          clientSecret: "sandbox-secret",
        },
        encryptionKey: DEMO_ENCRYPTION_KEY,
        invoiceNumber: { source: "display_id", format: "INV-{display_id}" },
        sync: { schedule: "0 * * * *" },
        // The prepayment loop for bank-transfer orders: reminders on days 3 and 7, cancel after 14 days.
        // The local notification provider below only logs the customer e-mails; a shop names the
        // templates of its e-mail provider here.
        prepayment: {
          reminders: { days: [3, 7] },
          autoCancel: { afterDays: 14 },
          notifications: {
            templates: {
              payment_received: "order-payment-received",
              partial_payment_received: "order-partial-payment-received",
              payment_reminder: "order-payment-reminder",
              cancelled_for_non_payment: "order-cancelled-for-non-payment",
              surplus_refunded: "order-surplus-refunded",
            },
          },
        },
      },
    },
  ],
  modules: [
    ...redisModules,
    {
      // customer e-mails (logged to the console) and the admin's notification feed
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/notification-local",
            id: "local",
            options: { name: "Local Notification Provider", channels: ["email", "feed"] },
          },
        ],
      },
    },
    {
      // The plugin's "bank transfer / prepayment" payment method (pp_bank-transfer_bank-transfer),
      // offered on the demo region next to the system provider. Customers are told to pay to the
      // Girokonto of the finAPI Test Bank: the account the demo links and imports from.
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "medusa-plugin-finapi/providers/bank-transfer",
            id: "bank-transfer",
            options: {
              iban: "DE66 2800 0100 1234 5678 90",
              accountHolder: "Kaffee-Demo GmbH",
            },
          },
        ],
      },
    },
  ],
})
