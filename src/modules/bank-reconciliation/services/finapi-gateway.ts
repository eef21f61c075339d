import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { FinapiCallLogEntry, FinapiClient, FinapiLogger, FinapiUserCredentials } from "../finapi"
import { PluginOptions } from "../plugin-options"
import { decryptSecret, encryptSecret, isSealedWithCurrentKey, parseEncryptionKey, SecretBoxError } from "../secret-box"
import type BankReconciliationModuleService from "../service"
import { finapiErrorToMedusa } from "./finapi-error-to-medusa"

/** How long the finAPI call log is kept per interface. */
export const CALL_LOG_RETENTION_DAYS = 30

/** How an interface's stored finAPI password is named in errors. */
export function interfaceSecretName(bankInterface: { id: string; name: string }): string {
  return `The finAPI password of interface "${bankInterface.name}" (${bankInterface.id})`
}

export type CallLogWriter = (interfaceId: string, entries: FinapiCallLogEntry[]) => Promise<void>

/** Reads an interface's login columns (the stored, sealed password); not found is a MedusaError. */
export type LoginReader = (interfaceId: string) => Promise<FinapiLogin>

/** The columns LoginReader reads. */
export const LOGIN_COLUMNS = ["id", "name", "finapi_user_id", "encrypted_password"]

/** What the module's finAPI operations work with: the gateway, and the module's tables. */
export type FinapiContext = { gateway: FinapiGateway; store: BankReconciliationModuleService }

/** The columns of a bank interface that say how to log in as its finAPI user. */
export type FinapiLogin = { id: string; name: string; finapi_user_id: string | null; encrypted_password: string | null }

/** A finAPI client and the user it acts as; it never leaves the module. */
export type FinapiSession = { client: FinapiClient; user: FinapiUserCredentials }

/**
 * Holds what talking to finAPI needs: the sealed credentials' keys, one client per bank interface
 * (so token caches live as long as the process) and every call in that interface's call log. Log
 * writes are batched and awaited by flush(). Passwords and clients stay in here: the module's
 * operations get a session for the length of one piece of work.
 */
export class FinapiGateway {
  private readonly clients = new Map<string, FinapiClient>()
  private readonly buffered = new Map<string, FinapiCallLogEntry[]>()
  private inFlight: Promise<void> = Promise.resolve()
  // current key first; the others only open secrets sealed before a rotation
  private readonly encryptionKeys: Buffer[]

  constructor(
    private readonly options: PluginOptions,
    readonly logger: FinapiLogger | undefined,
    private readonly writeLog: CallLogWriter,
    private readonly readLogin: LoginReader
  ) {
    this.encryptionKeys = [options.encryptionKey].flat().map(parseEncryptionKey)
  }

  /** Encrypts a secret (the finAPI user password) for storage, with the current key. */
  seal(plaintext: string): string {
    return encryptSecret(plaintext, this.encryptionKeys)
  }

  /**
   * Opens a stored secret with the key it names (or, sealed before key ids, any configured key).
   * A wrong key or an altered value is a NOT_ALLOWED error naming `what` and what to do.
   */
  open(envelope: string, what: string): string {
    try {
      return decryptSecret(envelope, this.encryptionKeys)
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${what} cannot be opened: ${error.message}. Add the key it was encrypted with to the plugin's encryptionKey ` +
          `(current key first, previous keys after) and restart, or connect the interface again with the finAPI password.`
      )
    }
  }

  /**
   * Re-seals every stored secret that is not sealed with the current key (after a key rotation);
   * a secret no configured key opens is reported, not changed.
   */
  async reseal(
    interfaces: { id: string; name: string; encrypted_password: string | null }[],
    store: (id: string, envelope: string) => Promise<void>
  ): Promise<{ reencrypted: string[]; current: number; failed: { id: string; error: string }[] }> {
    const result = { reencrypted: [] as string[], current: 0, failed: [] as { id: string; error: string }[] }
    for (const bankInterface of interfaces) {
      const envelope = bankInterface.encrypted_password
      if (!envelope) continue
      if (isSealedWithCurrentKey(envelope, this.encryptionKeys)) {
        result.current++
        continue
      }
      try {
        const plaintext = this.open(envelope, interfaceSecretName(bankInterface))
        await store(bankInterface.id, this.seal(plaintext))
        result.reencrypted.push(bankInterface.id)
      } catch (error) {
        result.failed.push({ id: bankInterface.id, error: (error as Error).message })
      }
    }
    return result
  }

  /**
   * Runs `work` as the finAPI user of a connected interface, writes the call log afterwards, and
   * turns failures into MedusaErrors naming `action`.
   */
  async asUser<T>(interfaceId: string, action: string, work: (session: FinapiSession) => Promise<T>): Promise<T> {
    const login = await this.readLogin(interfaceId)
    if (!login.finapi_user_id || !login.encrypted_password) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${action}: the interface "${login.name}" is not connected to finAPI yet. Use "Connect to finAPI" first.`
      )
    }
    const user = { userId: login.finapi_user_id, password: this.open(login.encrypted_password, interfaceSecretName(login)) }
    const client = this.clientFor(login.id)
    try {
      return await work({ client, user })
    } catch (error) {
      throw finapiErrorToMedusa(error, action)
    } finally {
      await this.flush()
    }
  }

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

/** A finapi_call_log row for one logged call. */
export function callLogRow(interfaceId: string, entry: FinapiCallLogEntry) {
  return {
    interface_id: interfaceId,
    at: new Date(entry.at),
    operation: entry.operation,
    api: entry.api,
    method: entry.method,
    path: entry.path,
    outcome: entry.outcome,
    http_status: entry.status ?? null,
    request_id: entry.requestId,
    attempts: entry.attempts,
    duration_ms: Math.round(entry.durationMs),
    error_kind: entry.errorKind ?? null,
    error_code: entry.errorCode ?? null,
    error_message: entry.errorMessage ?? null,
  }
}

/** Deletes call-log entries older than `olderThanDays`; returns how many went. */
export async function pruneCallLog(manager: EntityManager, olderThanDays: number): Promise<number> {
  const deleted = await manager.execute(
    `delete from finapi_call_log where at < now() - (? * interval '1 day') returning id`,
    [olderThanDays]
  )
  return deleted.length
}
