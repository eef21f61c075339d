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
    const deleted = await sharedContext.manager!.execute(
      `delete from finapi_call_log where at < now() - (? * interval '1 day') returning id`,
      [olderThanDays]
    )
    return deleted.length
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

  /**
   * Inserts imported bank transactions in one statement; a row whose (account, finAPI id) is already
   * stored is skipped by the unique index, so concurrent or repeated imports store each exactly once.
   * Returns the rows actually inserted.
   */
  @InjectManager()
  async insertImportedTransactions(
    rows: ImportedTransactionInsert[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; finapi_transaction_id: string }[]> {
    if (!rows.length) {
      return []
    }
    return await sharedContext.manager!.execute(
      `insert into bank_transaction (id, account_id, finapi_transaction_id, amount, raw_amount, currency_code,
         booking_date, value_date, import_date, purpose, counterpart_name, counterpart_iban, counterpart_bic,
         end_to_end_reference, mandate_reference, creditor_id, fingerprint, is_potential_duplicate,
         duplicate_of_id, sync_run_id, raw)
       select r.id, r.account_id, r.finapi_transaction_id, r.amount::numeric,
         jsonb_build_object('value', r.amount, 'precision', 20), r.currency_code,
         r.booking_date, r.value_date, r.import_date, r.purpose, r.counterpart_name, r.counterpart_iban,
         r.counterpart_bic, r.end_to_end_reference, r.mandate_reference, r.creditor_id, r.fingerprint,
         r.is_potential_duplicate, r.duplicate_of_id, r.sync_run_id, r.raw
       from jsonb_to_recordset(cast(? as jsonb)) as r(id text, account_id text, finapi_transaction_id text,
         amount text, currency_code text, booking_date timestamptz, value_date timestamptz,
         import_date timestamptz, purpose text, counterpart_name text, counterpart_iban text,
         counterpart_bic text, end_to_end_reference text, mandate_reference text, creditor_id text,
         fingerprint text, is_potential_duplicate boolean, duplicate_of_id text, sync_run_id text, raw jsonb)
       on conflict (account_id, finapi_transaction_id) where deleted_at is null do nothing
       returning id, finapi_transaction_id`,
      [JSON.stringify(rows)]
    )
  }

  /** Stored transactions with any of the given content fingerprints (to flag re-deliveries). */
  @InjectManager()
  async listTransactionsByFingerprint(
    fingerprints: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; fingerprint: string; account_id: string; finapi_transaction_id: string; is_potential_duplicate: boolean }[]> {
    if (!fingerprints.length) {
      return []
    }
    return await sharedContext.manager!.execute(
      `select id, fingerprint, account_id, finapi_transaction_id, is_potential_duplicate from bank_transaction
        where fingerprint in (?) and deleted_at is null order by created_at, id`,
      [fingerprints]
    )
  }

  /**
   * Removes what an import run stored and nobody has touched yet (still unassigned, no assignment):
   * the compensation of an import whose workflow failed later. Returns how many rows went.
   */
  @InjectManager()
  async deleteUntouchedTransactionsOfRun(
    syncRunId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const result = await sharedContext.manager!.execute(
      `delete from bank_transaction t where t.sync_run_id = ? and t.status = 'unassigned'
         and not exists (select 1 from payment_assignment a where a.transaction_id = t.id)`,
      [syncRunId]
    )
    return (result as unknown as { affectedRows?: number }).affectedRows ?? 0
  }
}

/** One row for insertImportedTransactions; money as a decimal string, dates as ISO strings. */
export type ImportedTransactionInsert = {
  id: string
  account_id: string
  finapi_transaction_id: string
  amount: string
  currency_code: string
  booking_date: string
  value_date: string | null
  import_date: string | null
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  end_to_end_reference: string | null
  mandate_reference: string | null
  creditor_id: string | null
  fingerprint: string
  is_potential_duplicate: boolean
  duplicate_of_id: string | null
  sync_run_id: string
  raw: unknown
}

export default BankReconciliationModuleService
