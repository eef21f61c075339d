const fs = require("fs")
const path = require("path")
const { runChild } = require("./child-processes")
const { APP_DIR, CLI } = require("./medusa-cli")

const REPO_ROOT = path.join(__dirname, "..")
const PACKAGE_NAME = require("../package.json").name

// Written last by `medusa plugin:build` (the admin bundle follows the backend).
const BUILD_STAMP = path.join(REPO_ROOT, ".medusa", "server", "src", "admin", "index.js")

function newestMtime(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "__tests__") {
      continue
    }
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** True when .medusa/server was built after the last change to src/ or package.json. */
function isBuildFresh() {
  if (!fs.existsSync(BUILD_STAMP)) {
    return false
  }
  const sources = Math.max(
    newestMtime(path.join(REPO_ROOT, "src")),
    fs.statSync(path.join(REPO_ROOT, "package.json")).mtimeMs
  )
  return fs.statSync(BUILD_STAMP).mtimeMs > sources
}

/** Builds the plugin into .medusa/server, as `npm publish` would ship it. */
function buildPlugin() {
  return runChild("plugin:build", process.execPath, [CLI, "plugin:build"], {
    cwd: REPO_ROOT,
  })
}

/**
 * Makes the demo app see this repo as an installed package. The admin bundler
 * imports a plugin's admin extensions by package name, so an absolute path in
 * medusa-config would not do; a symlink (not `npm install`) keeps one copy of
 * every @medusajs package, the one in the repo root's node_modules.
 */
function linkPluginIntoApp() {
  const link = path.join(APP_DIR, "node_modules", PACKAGE_NAME)
  fs.mkdirSync(path.dirname(link), { recursive: true })
  try {
    if (fs.realpathSync(link) === fs.realpathSync(REPO_ROOT)) {
      return
    }
    fs.rmSync(link, { recursive: true, force: true })
  } catch {
    // Missing link: created below.
  }
  fs.symlinkSync(path.relative(path.dirname(link), REPO_ROOT), link, "dir")
}

module.exports = { buildPlugin, isBuildFresh, linkPluginIntoApp }
