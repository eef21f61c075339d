import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  BankAccount,
  BankConnection,
  BankInterface,
  BankTransaction,
  FinapiCallLog,
  PaymentAssignment,
  SyncRun,
} from "./models"
import { FinapiClient, FinapiLogger } from "./finapi"
import { FinapiGateway } from "./finapi-gateway"
import { PluginOptions, PluginOptionsInput, PluginOptionsSchema, describeOptionIssues } from "./plugin-options"
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box"

type InjectedDependencies = { logger?: FinapiLogger } & Record<string, unknown>

/** How long the finAPI call log is kept per interface. */
const CALL_LOG_RETENTION_DAYS = 30

class BankReconciliationModuleService extends MedusaService({
  BankInterface,
  BankConnection,
  BankAccount,
  BankTransaction,
  PaymentAssignment,
  SyncRun,
  FinapiCallLog,
}) {
  protected readonly options_: PluginOptions
  protected readonly encryptionKey_: Buffer
  protected readonly finapi_: FinapiGateway

  constructor(container: InjectedDependencies, options: PluginOptionsInput) {
    super(...arguments)
    const parsed = PluginOptionsSchema.safeParse(options ?? {})
    if (!parsed.success) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `medusa-plugin-finapi: invalid plugin options: ${describeOptionIssues(parsed.error)}`
      )
    }
    this.options_ = parsed.data
    this.encryptionKey_ = parseEncryptionKey(parsed.data.encryptionKey)
    this.finapi_ = new FinapiGateway(parsed.data, container.logger, async (interfaceId, entries) => {
      await this.createFinapiCallLogs(
        entries.map((entry) => ({
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
        }))
      )
    })
  }

  /** The finAPI client of a bank interface; every call it makes is kept in that interface's log. */
  async getFinapiClient(interfaceId: string): Promise<FinapiClient> {
    return this.finapi_.clientFor(interfaceId)
  }

  /** Drops an interface's cached client and tokens. */
  async forgetFinapiClient(interfaceId: string): Promise<void> {
    this.finapi_.forget(interfaceId)
  }

  /** Persists the finAPI calls made so far; steps call it when they are done talking to finAPI. */
  async flushFinapiCallLog(): Promise<void> {
    await this.finapi_.flush()
  }

  /** Deletes call-log entries older than the retention period; returns how many went. */
  @InjectManager()
  async pruneFinapiCallLog(
    olderThanDays = CALL_LOG_RETENTION_DAYS,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const result = await sharedContext.manager!.execute(
      `delete from finapi_call_log where at < now() - (? * interval '1 day')`,
      [olderThanDays]
    )
    return (result as unknown as { affectedRows?: number }).affectedRows ?? 0
  }

  /** The validated plugin options (with defaults); routes and workflows read them from here. */
  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** Encrypts a secret (the finAPI user password) for storage. */
  async sealSecret(plaintext: string): Promise<string> {
    return encryptSecret(plaintext, this.encryptionKey_)
  }

  /** Opens a stored secret; throws if the key is wrong or the value was tampered with. */
  async openSecret(envelope: string): Promise<string> {
    return decryptSecret(envelope, this.encryptionKey_)
  }

  /** Sum of the non-rejected assignment amounts of a transaction, exact (numeric in SQL), as a decimal string. */
  @InjectManager()
  async sumAssignedAmount(
    transactionId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    const rows = await sharedContext.manager!.execute(
      `select coalesce(sum(amount), 0)::text as total from payment_assignment
        where transaction_id = ? and status <> 'rejected' and deleted_at is null`,
      [transactionId]
    )
    return rows[0].total
  }

  /** Sum of the amounts of the given transactions, exact, as a decimal string. */
  @InjectManager()
  async sumTransactionAmounts(
    transactionIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    if (!transactionIds.length) {
      return "0"
    }
    const rows = await sharedContext.manager!.execute(
      `select coalesce(sum(amount), 0)::text as total from bank_transaction
        where id in (?) and deleted_at is null`,
      [transactionIds]
    )
    return rows[0].total
  }
}

export default BankReconciliationModuleService
