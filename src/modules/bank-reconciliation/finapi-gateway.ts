import { FinapiCallLogEntry, FinapiClient, FinapiLogger } from "./finapi"
import { PluginOptions } from "./plugin-options"

export type CallLogWriter = (interfaceId: string, entries: FinapiCallLogEntry[]) => Promise<void>

/**
 * Hands out one finAPI client per bank interface, so token caches live as long as the process and
 * every call lands in that interface's call log. Log writes are batched and awaited by flush().
 */
export class FinapiGateway {
  private readonly clients = new Map<string, FinapiClient>()
  private readonly buffered = new Map<string, FinapiCallLogEntry[]>()
  private inFlight: Promise<void> = Promise.resolve()

  constructor(
    private readonly options: PluginOptions,
    private readonly logger: FinapiLogger | undefined,
    private readonly writeLog: CallLogWriter
  ) {}

  /** The client for an interface; its calls are logged under that interface. */
  clientFor(interfaceId: string): FinapiClient {
    let client = this.clients.get(interfaceId)
    if (!client) {
      client = new FinapiClient({
        accessBaseUrl: this.options.finapi.accessUrl,
        webFormBaseUrl: this.options.finapi.webFormUrl,
        clientId: this.options.finapi.clientId,
        clientSecret: this.options.finapi.clientSecret,
        logger: this.logger,
        onCall: (entry) => this.buffer(interfaceId, entry),
      })
      this.clients.set(interfaceId, client)
    }
    return client
  }

  /** Forgets an interface's client (and its cached tokens), e.g. after its finAPI user was deleted. */
  forget(interfaceId: string): void {
    this.clients.delete(interfaceId)
  }

  /** Writes every buffered log entry; log failures are reported, never thrown at the caller. */
  async flush(): Promise<void> {
    const batches = [...this.buffered.entries()]
    this.buffered.clear()
    const write = this.inFlight.then(async () => {
      for (const [interfaceId, entries] of batches) {
        try {
          await this.writeLog(interfaceId, entries)
        } catch (error) {
          this.logger?.warn(`finAPI call log could not be written: ${(error as Error).message}`)
        }
      }
    })
    this.inFlight = write
    await write
  }

  private buffer(interfaceId: string, entry: FinapiCallLogEntry): void {
    const entries = this.buffered.get(interfaceId) ?? []
    entries.push(entry)
    this.buffered.set(interfaceId, entries)
  }
}
