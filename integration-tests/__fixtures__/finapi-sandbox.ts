import { startSandbox, type SandboxHandle } from "../../sandbox/server"

/**
 * Starts the local finAPI sandbox in-process for a test file and points the plugin at it. Call it
 * at the top of the file, before medusaIntegrationTestRunner, so the URL is set when the app's
 * config is read. The sandbox is reset before every test, like the database.
 */
export function useFinapiSandbox(): { readonly current: SandboxHandle } {
  const ref: { current: SandboxHandle | null } = { current: null }
  beforeAll(async () => {
    ref.current = await startSandbox({ seed: 7, settings: { updateDelayMs: 0 } })
    process.env.FINAPI_ACCESS_URL = ref.current.url
    process.env.FINAPI_WEBFORM_URL = ref.current.url
  })
  beforeEach(() => {
    ref.current!.control.reset()
    ref.current!.control.clearFaults()
  })
  afterAll(async () => {
    await ref.current?.close()
  })
  return {
    get current() {
      return ref.current!
    },
  }
}
