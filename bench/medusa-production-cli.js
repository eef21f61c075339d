// `medusa` as a production install runs it. @medusajs/cli's cli.js first tries to register ts-node
// (a devDependency of Medusa apps, so absent where a shop installs with --omit=dev) and goes on
// without it; this repo has ts-node installed for its tests, so the benchmarks' "built" mode starts
// the CLI after that step: dotenv, then the CLI itself, exactly as cli.js does when ts-node is missing.
const cli = require.resolve("@medusajs/cli/cli.js", { paths: [__dirname] })
require(require.resolve("dotenv", { paths: [require("path").dirname(cli)] })).config()
require(require.resolve("@medusajs/cli/dist/index.js", { paths: [__dirname] }))
