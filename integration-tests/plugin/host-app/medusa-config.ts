// A minimal host Medusa app that installs the BUILT plugin (.medusa/server), as a shop would.
import path from "path"
import { defineConfig } from "@medusajs/framework/utils"
import { testBankTransferOptions } from "../../__fixtures__/bank-transfer-options"
import { testPluginOptions } from "../../__fixtures__/plugin-options"

const pluginRoot = path.resolve(__dirname, "../../..")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "supersecret", cookieSecret: "supersecret" },
  },
  plugins: [{ resolve: pluginRoot, options: testPluginOptions() }],
  // a shop registers the provider as "medusa-plugin-finapi/providers/bank-transfer"; here the build output by path
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: path.join(pluginRoot, ".medusa/server/src/providers/bank-transfer"),
            id: "bank-transfer",
            options: testBankTransferOptions(),
          },
        ],
      },
    },
  ],
})
