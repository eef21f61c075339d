// The benchmarks' host app for the BUILT plugin (`medusa plugin:build` → .medusa/server), as a shop runs
// it: plain JavaScript, the plugin under `plugins`, its payment provider from the build. The same modules
// as the repo's medusa-config.ts (the test harness, "app mode"); the plugin's options come from the
// bench (BENCH_PLUGIN_OPTIONS, BENCH_BANK_TRANSFER_OPTIONS: the test fixtures' values as JSON).
// BENCH_BARE=1: the same app without the plugin (the bare-Medusa anchor).
const path = require("path")
const { defineConfig } = require("@medusajs/framework/utils")

const pluginRoot = path.resolve(__dirname, "../..")
const bare = process.env.BENCH_BARE === "1"
const json = (name) => JSON.parse(process.env[name] ?? "{}")

module.exports = defineConfig({
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
  plugins: bare ? [] : [{ resolve: pluginRoot, options: json("BENCH_PLUGIN_OPTIONS") }],
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email", "feed"] } }] },
    },
    ...(bare
      ? []
      : [
          {
            resolve: "@medusajs/medusa/payment",
            options: {
              providers: [
                {
                  resolve: path.join(pluginRoot, ".medusa/server/src/providers/bank-transfer"),
                  id: "bank-transfer",
                  options: json("BENCH_BANK_TRANSFER_OPTIONS"),
                },
              ],
            },
          },
        ]),
  ],
})
