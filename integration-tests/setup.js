// Runs in every test file before its code (jest `setupFilesAfterEnv`), so it knows which group the file
// belongs to.
const testPath = expect.getState().testPath ?? ""

if (/[\\/]__tests__[\\/]/.test(testPath)) {
  // unit: pure code, nothing heavy loaded; a test that needs more than 5 s is not a unit test
  jest.setTimeout(5_000)
} else {
  // Medusa apps: MikroORM keeps entity metadata in a process-wide store; a file must not see the last one's
  require("@medusajs/framework/mikro-orm/core").MetadataStorage.clear()
  if (/[\\/]contract[\\/]/.test(testPath)) {
    jest.setTimeout(60_000)
  }
}
