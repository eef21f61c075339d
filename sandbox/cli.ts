import path from "node:path"
import { pathToFileURL } from "node:url"
import { startSandbox } from "./server"

/**
 * `npm run sandbox -- --port 4010 [--host 0.0.0.0] [--seed 42] [--public-url http://host:4010] [--statement module.ts]
 * [--state-file file.json]`: runs the finAPI
 * sandbox until Ctrl+C. Client credentials come from FINAPI_CLIENT_ID /
 * FINAPI_CLIENT_SECRET (default sandbox-client / sandbox-secret).
 */
function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index >= 0) return process.argv[index + 1]
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1]
}

async function main(): Promise<void> {
  const port = Number(argument("port") ?? process.env.SANDBOX_PORT ?? 4010)
  const seed = Number(argument("seed") ?? 42)
  const statementModule = argument("statement")
  const statement = statementModule ? (await import(pathToFileURL(path.resolve(statementModule)).href)).bankStatement : undefined
  const stateFile = argument("state-file")
  const sandbox = await startSandbox({
    port,
    seed,
    host: argument("host") ?? "127.0.0.1",
    clientId: process.env.FINAPI_CLIENT_ID || undefined,
    clientSecret: process.env.FINAPI_CLIENT_SECRET || undefined,
    settings: { publicUrl: argument("public-url") ?? null },
    statement,
    stateFile: stateFile ? path.resolve(stateFile) : undefined,
  })
  const lines = [
    `finAPI sandbox (seed ${seed}) listening on ${sandbox.url}`,
    `  Access API v2:     ${sandbox.url}/api/v2   (token: POST ${sandbox.url}/api/v2/oauth/token)`,
    `  Web Form 2.0 API:  ${sandbox.url}/api/webForms, ${sandbox.url}/api/tasks`,
    `  Web form pages:    ${sandbox.url}/wf/{webFormId}`,
    `  Scenario control:  ${sandbox.url}/__sandbox/state`,
    `  Client:            ${process.env.FINAPI_CLIENT_ID || "sandbox-client"} / ${process.env.FINAPI_CLIENT_SECRET ? "(from FINAPI_CLIENT_SECRET)" : "sandbox-secret"}`,
    ...(statement ? [`  Statement:         ${statement.length} extra Girokonto rows from ${statementModule}`] : []),
    ...(stateFile ? [`  State file:        ${stateFile} (${sandbox.restored ? "restored" : "new"})`] : []),
    `  Test banks:        DEMO0001 finAPI Test Bank, DEMO0002 finAPI Test Redirect Bank; login demo/demo (TAN 123456) or demo_no_msa/demo_no_msa`,
  ]
  console.log(lines.join("\n"))
  const stop = () => void sandbox.close().then(() => process.exit(0))
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
