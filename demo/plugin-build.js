const fs = require("fs")
const path = require("path")
const { runChild } = require("./child-processes")
const { APP_DIR, CLI } = require("./medusa-cli")

const REPO_ROOT = path.join(__dirname, "..")
const PACKAGE_NAME = require("../package.json").name

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

module.exports = { buildPlugin, linkPluginIntoApp, REPO_ROOT }
