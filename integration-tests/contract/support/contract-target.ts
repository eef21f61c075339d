import { randomUUID } from "node:crypto"
import { startSandbox, type SandboxHandle, type SandboxOptions } from "../../../sandbox/server"
import {
  FinapiClient,
  type FinapiCallLogEntry,
  type FinapiClientConfig,
  type FinapiUserCredentials,
} from "../../../src/modules/bank-reconciliation/finapi"

/** True when FINAPI_* env vars point the suite at finAPI's real sandbox instead of the local one. */
export const usesRealFinapi = Boolean(process.env.FINAPI_CLIENT_ID && process.env.FINAPI_CLIENT_SECRET)

let noted = false

/** `it` for cases that need the local sandbox's scenario control; skipped (with a note) against real finAPI. */
export const itLocal: jest.It = usesRealFinapi ? it.skip : it

/** `describe` for groups that need scenario control throughout. */
export const describeLocal: jest.Describe = usesRealFinapi ? describe.skip : describe

/** Prints once why sandbox-only cases are skipped. */
export function noteSkippedLocalCases(): void {
  if (usesRealFinapi && !noted) {
    noted = true
    // eslint-disable-next-line no-console
    console.log("contract: running against finAPI's sandbox; fault-injection and scenario-control cases are skipped")
  }
}

/** Where the suite talks to: finAPI's sandbox or the local simulator started in-process. */
export interface ContractTarget {
  accessBaseUrl: string
  webFormBaseUrl: string
  clientId: string
  clientSecret: string
  /** Only for the local simulator. */
  sandbox?: SandboxHandle
  close(): Promise<void>
}

/** Starts the local sandbox on a random port, or describes finAPI's sandbox from env. */
export async function startTarget(options: SandboxOptions = {}): Promise<ContractTarget> {
  noteSkippedLocalCases()
  if (usesRealFinapi) {
    return {
      accessBaseUrl: process.env.FINAPI_ACCESS_URL ?? "https://sandbox.finapi.io",
      webFormBaseUrl: process.env.FINAPI_WEBFORM_URL ?? "https://webform-sandbox.finapi.io",
      clientId: process.env.FINAPI_CLIENT_ID as string,
      clientSecret: process.env.FINAPI_CLIENT_SECRET as string,
      close: async () => undefined,
    }
  }
  const sandbox = await startSandbox({ port: 0, seed: 7, ...options })
  return {
    accessBaseUrl: sandbox.url,
    webFormBaseUrl: sandbox.url,
    clientId: options.clientId ?? "sandbox-client",
    clientSecret: options.clientSecret ?? "sandbox-secret",
    sandbox,
    close: () => sandbox.close(),
  }
}

/** A client plus everything it logged and every call it recorded. */
export interface ObservedClient {
  client: FinapiClient
  calls: FinapiCallLogEntry[]
  logs: string[]
}

/** Builds a client for the target with fast retries and captured logs/call entries. */
export function observedClient(target: ContractTarget, overrides: Partial<FinapiClientConfig> = {}): ObservedClient {
  const calls: FinapiCallLogEntry[] = []
  const logs: string[] = []
  const capture = (level: string) => (message: string) => logs.push(`${level} ${message}`)
  const client = new FinapiClient({
    accessBaseUrl: target.accessBaseUrl,
    webFormBaseUrl: target.webFormBaseUrl,
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    logger: { debug: capture("debug"), info: capture("info"), warn: capture("warn"), error: capture("error") },
    retry: { maxAttempts: 4, baseDelayMs: 20, maxDelayMs: 2_000 },
    timeoutMs: 10_000,
    onCall: (entry) => calls.push(entry),
    ...overrides,
  })
  return { client, calls, logs }
}

/** Fresh credentials for a user that does not exist yet. */
export function newUserCredentials(prefix = "contract"): FinapiUserCredentials {
  return { userId: `${prefix}-${randomUUID().slice(0, 8)}`, password: `pw-${randomUUID()}` }
}

/** Operation names of the recorded calls, in order. */
export function operations(calls: FinapiCallLogEntry[]): string[] {
  return calls.map((c) => c.operation)
}

/** Counts recorded calls of one operation. */
export function countCalls(calls: FinapiCallLogEntry[], operation: string): number {
  return calls.filter((c) => c.operation === operation).length
}
