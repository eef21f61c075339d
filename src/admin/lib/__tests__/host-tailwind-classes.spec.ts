import fs from "fs"
import path from "path"

/*
 * The host admin has CSS only for Tailwind classes that its own build sees: the dashboard's and
 * @medusajs/ui's (a plugin's compiled admin is scanned only when the admin bundler can resolve it
 * from its own folder, which the demo's linked install and pnpm layouts do not allow). A class name
 * used only by this plugin (`line-clamp-2`, `w-44`, `max-w-[240px]`, `[&_td]:…`) then has no effect:
 * that is how the payments table grew to 3 539 px. Layout the plugin needs goes into inline styles
 * (lib/styles.ts); this test fails on any class name in the admin sources that the host never uses.
 */

const ADMIN = path.resolve(__dirname, "../..")

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : files(full, ext)
    }
    return ext.test(entry.name) ? [full] : []
  })
}

/** Every string literal inside a className attribute (not the ones compared with), split into class names, with the files using it. */
function pluginClassNames(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  for (const file of files(ADMIN, /\.tsx$/)) {
    const source = fs.readFileSync(file, "utf8")
    const attributes = [...source.matchAll(/className=(?:"([^"]*)"|\{([^}]*)\})/g)].map((m) => m[1] ?? m[2])
    for (const attribute of attributes) {
      const literals = attribute.startsWith("\"") || !/["'`]/.test(attribute) ? [attribute] : [...attribute.matchAll(/(?<![=!]==\s*)(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)/g)].map((m) => m[1] ?? m[2] ?? m[3])
      for (const name of literals.join(" ").split(/\s+/).filter(Boolean)) {
        found.set(name, (found.get(name) ?? new Set()).add(path.relative(ADMIN, file)))
      }
    }
  }
  return found
}

/** The words in the host's Tailwind sources (the dashboard's bundle and @medusajs/ui's). */
function hostWords(): Set<string> {
  const dashboard = path.dirname(require.resolve("@medusajs/dashboard"))
  const ui = path.dirname(require.resolve("@medusajs/ui"))
  const words = new Set<string>()
  for (const file of [...files(dashboard, /\.js$/), ...files(ui, /\.js$/)]) {
    for (const word of fs.readFileSync(file, "utf8").split(/[\s"'`<>=]+/)) {
      words.add(word)
    }
  }
  return words
}

describe("admin class names: only those the host admin generates CSS for", () => {
  it("finds the plugin's class names (the scan itself works)", () => {
    const names = pluginClassNames()
    expect(names.size).toBeGreaterThan(50)
    expect(names.has("text-ui-fg-subtle")).toBe(true)
  })

  it("uses no class name that only the plugin uses", () => {
    const host = hostWords()
    const missing = [...pluginClassNames()].filter(([name]) => !host.has(name)).map(([name, where]) => `${name} (${[...where].join(", ")})`)
    expect(missing).toEqual([])
  })
})
