const medusa = require("@medusajs/eslint-plugin")

// Code that runs outside Medusa (the finAPI simulator, the demo launcher, benchmarks, the pure
// matching engine, the pure libraries and the finAPI client with its own typed errors) has no use
// for MedusaError or Medusa's zod re-export.
const outsideMedusa = [
  "sandbox/**",
  "demo/**",
  "bench/**",
  "scripts/**",
  "src/modules/bank-reconciliation/matching/**",
  "src/modules/bank-reconciliation/finapi/**",
  "src/modules/bank-reconciliation/secret-box.ts",
  "src/lib/**",
]

module.exports = [
  {
    ignores: ["node_modules/**", ".medusa/**", "demo/.data/**", "demo/app/**", "src/admin/**", "**/*.d.ts"],
  },
  ...medusa.configs.recommended,
  {
    files: outsideMedusa,
    rules: {
      "@medusajs/use-medusa-error-not-generic-error": "off",
      "@medusajs/zod-import-source": "off",
    },
  },
]
