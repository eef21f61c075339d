const medusa = require("@medusajs/eslint-plugin")

module.exports = [
  {
    ignores: [
      "node_modules/**",
      ".medusa/**",
      "demo/.data/**",
      "demo/app/**",
      "src/admin/**",
      "**/*.d.ts",
    ],
  },
  ...medusa.configs.recommended,
]
