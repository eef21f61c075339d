import type { BrowserContext, Page } from "playwright-core"
import type { startDemoStore } from "../../__fixtures__/demo-store"

/** What every admin flow gets: the running demo store, a logged-in admin page, and a screenshot helper. */
export type FlowContext = {
  demo: Awaited<ReturnType<typeof startDemoStore>>
  context: BrowserContext
  page: Page
  shot: (page: Page, name: string) => Promise<void>
}
