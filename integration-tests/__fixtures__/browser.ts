import fs from "fs"
import os from "os"
import path from "path"
import { chromium, type BrowserContext, type Page } from "playwright-core"

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const hasChromium = fs.existsSync(CHROMIUM_PATH)

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
]

/** Headless Debian chromium with a throw-away profile; close() removes the profile too. */
export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "finapi-e2e-"))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    viewport: { width: 1440, height: 1000 },
    locale: "en-US",
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    close: async () => {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Saves a viewport screenshot under .screenshots/<folder>/ (git-ignored). */
export function screenshotter(folder: string) {
  const dir = path.resolve(__dirname, "../../.screenshots", folder)
  fs.mkdirSync(dir, { recursive: true })
  let step = 0
  return async (page: Page, name: string) => {
    step++
    await page.screenshot({ path: path.join(dir, `${String(step).padStart(2, "0")}-${name}.png`) })
  }
}
