// A minimal host Medusa app that installs the BUILT plugin (.medusa/server), as a shop would.
import path from "path"
import { defineConfig } from "@medusajs/framework/utils"
import { testPluginOptions } from "../../__fixtures__/plugin-options"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "supersecret", cookieSecret: "supersecret" },
  },
  plugins: [{ resolve: path.resolve(__dirname, "../../.."), options: testPluginOptions() }],
})
