import type { Page } from "playwright-core"

/** The incoming-payments list row that shows `text` (a purpose, say). */
export const paymentRow = (page: Page, text: string) => page.locator("table tbody tr", { hasText: text }).first()
