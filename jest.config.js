const groups = {
  unit: ["<rootDir>/src/**/__tests__/**/*.spec.[jt]s", "<rootDir>/sandbox/**/__tests__/**/*.spec.[jt]s"],
  "integration:modules": ["<rootDir>/integration-tests/modules/**/*.spec.[jt]s"],
  contract: ["<rootDir>/integration-tests/contract/**/*.spec.[jt]s"],
  "integration:http": ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
  "integration:instances": ["<rootDir>/integration-tests/instances/**/*.spec.[jt]s"],
  "integration:plugin": ["<rootDir>/integration-tests/plugin/**/*.spec.[jt]s"],
  e2e: ["<rootDir>/integration-tests/e2e/**/*.spec.[jt]s"],
}

const type = process.env.TEST_TYPE

// .env.test (database, log level) for the groups that start Medusa; pure unit tests read none of it, and
// loading @medusajs/framework/utils for it costs the unit run about a second
if (type !== "unit") {
  require("@medusajs/framework/utils").loadEnv("test", process.cwd())
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true, tsx: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/demo/.data/"],
  setupFilesAfterEnv: ["<rootDir>/integration-tests/setup.js"],
  testMatch: type ? groups[type] : Object.values(groups).flat(),
  testTimeout: 300_000,
}
