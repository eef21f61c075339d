import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MathBN,
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
  LearnedPayer,
  OrderNotice,
  PaymentAssignment,
  PaymentEvent,
  RefundExport,
  RefundExportItem,
  SyncRun,
} from "./models"
import type { PaymentEventKind } from "./models/payment-event"
import { FinapiClient, FinapiLogger } from "./finapi"
import { FinapiGateway } from "./finapi-gateway"
import { jsonChunks } from "./json-chunks"
import * as learnedPayerStore from "./learned-payer-store"
import type { LearnedPayerRow } from "./learned-payer-store"
import { normalizeLearned, type PayerKind, type PayerLesson } from "./learned-payers"
import { PluginOptions, PluginOptionsInput, PluginOptionsSchema, describeOptionIssues } from "./plugin-options"
import { decryptSecret, encryptSecret, isSealedWithCurrentKey, parseEncryptionKey, SecretBoxError } from "./secret-box"

type InjectedDependencies = { logger?: FinapiLogger } & Record<string, unknown>

/** How long the finAPI call log is kept per interface. */
const CALL_LOG_RETENTION_DAYS = 30

/** Characters of one JSON parameter of an insert: below V8's large-object size (128 KiB) even as two-byte text. */
const INSERT_CHUNK_CHARS = 60_000

/** How an interface's stored finAPI password is named in errors. */
export function interfaceSecretName(bankInterface: { id: string; name: string }): string {
  return `The finAPI password of interface "${bankInterface.name}" (${bankInterface.id})`
}

class BankReconciliationModuleService extends MedusaService({
  BankInterface,
  BankConnection,
  BankAccount,
  BankTransaction,
  PaymentAssignment,
  PaymentEvent,
  SyncRun,
  FinapiCallLog,
  LearnedPayer,
  OrderNotice,
  RefundExport,
  RefundExportItem,
}) {
  protected readonly options_: PluginOptions
  // current key first; the others only open secrets sealed before a rotation
  protected readonly encryptionKeys_: Buffer[]
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
    this.encryptionKeys_ = [parsed.data.encryptionKey].flat().map(parseEncryptionKey)
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

  /**
   * Records that a step of the prepayment loop happened to an order, once per (order, key): returns
   * the new record's id, or null when it was recorded before (by this or another instance).
   */
  @InjectManager()
  async claimOrderNotice(
    notice: { order_id: string; kind: string; key: string; template: string | null; data: Record<string, unknown>; happened_at: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string | null> {
    const rows: { id: string }[] = await sharedContext.manager!.execute(
      `insert into order_notice (id, order_id, kind, key, template, data, happened_at, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?::jsonb, ?, now(), now())
       on conflict (order_id, key) where deleted_at is null do nothing returning id`,
      [generateEntityId(undefined, "onot"), notice.order_id, notice.kind, notice.key, notice.template, JSON.stringify(notice.data), notice.happened_at]
    )
    return rows[0]?.id ?? null
  }

  /** The orders among these that have a payment assigned or proposed (not rejected): they are neither reminded nor cancelled. */
  @InjectManager()
  async listOrdersWithLiveAssignments(
    orderIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    if (!orderIds.length) {
      return []
    }
    const rows: { order_id: string }[] = await sharedContext.manager!.execute(
      `select distinct order_id from payment_assignment
        where order_id in (?) and status in ('proposed', 'confirmed', 'booking', 'booked') and deleted_at is null`,
      [orderIds]
    )
    return rows.map((row) => row.order_id)
  }

  /**
   * Payments with money that belongs to no order and was not refunded yet: late payments for
   * cancelled orders, potential duplicates, overpayments (booked, surplus left) and payments for no
   * order. `surplus` is what a refund would send back (amount less what is assigned).
   */
  @InjectManager()
  async listRefundCandidates(
    filter: { ids?: string[]; limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ candidates: RefundCandidate[]; count: number }> {
    const ids = filter.ids ? `and t.id in (${filter.ids.map(() => "?").join(", ") || "null"})` : ""
    const where = `from bank_transaction t
      where t.deleted_at is null and t.amount > t.assigned_amount
        and (t.held_reason is null or t.held_reason = 'cancelled_order')
        and (t.status in ('unassigned', 'proposed') or (t.status = 'partially_booked' and t.assigned_amount = t.booked_amount))
        and not exists (select 1 from refund_export_item i where i.transaction_id = t.id and i.deleted_at is null) ${ids}`
    const params = filter.ids ?? []
    const candidates: RefundCandidate[] = await sharedContext.manager!.execute(
      `select t.id, t.amount::text as amount, (t.amount - t.assigned_amount)::text as surplus, t.currency_code, t.booking_date,
          t.purpose, t.counterpart_name, t.counterpart_iban, t.counterpart_bic, t.status,
          case when t.held_reason = 'cancelled_order' then 'cancelled_order' when t.is_potential_duplicate then 'duplicate'
               when t.booked_amount > 0 then 'overpayment' else 'no_order' end as reason,
          coalesce(t.held_order_id, (select a.order_id from payment_assignment a
            where a.transaction_id = t.id and a.status = 'booked' and a.deleted_at is null order by a.created_at limit 1)) as order_id
        ${where} order by t.booking_date desc, t.id limit ? offset ?`,
      [...params, filter.limit ?? 1000, filter.offset ?? 0]
    )
    const [{ count }] = await sharedContext.manager!.execute(`select count(*)::int as count ${where}`, params)
    return { candidates, count }
  }

  /**
   * Stores a refund file with one item per payment and holds those payments out of matching
   * ("refunded"), in one database transaction. A payment already in a file is refused by the unique
   * key on the item's transaction_id, so two exports at once cannot both refund it.
   */
  @InjectManager()
  async recordRefundExport(
    file: RefundExportRecord,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    return await this.recordRefundExport_(file, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordRefundExport_(
    file: RefundExportRecord,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string> {
    const knex = lockingKnex(sharedContext)
    const id = generateEntityId(undefined, "rfx")
    const now = new Date()
    const { items, ...header } = file
    await knex("refund_export").insert({ id, ...header, total: file.total, raw_total: rawAmount(file.total), created_at: now, updated_at: now })
    try {
      await knex("refund_export_item").insert(
        items.map((item) => ({ id: generateEntityId(undefined, "rfxi"), export_id: id, ...item, raw_amount: rawAmount(item.amount), created_at: now, updated_at: now }))
      )
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "A selected payment was already exported for a refund; reload the list and export the others.")
      }
      throw error
    }
    await knex("bank_transaction")
      .whereIn("id", items.map((item) => item.transaction_id))
      .update({ held_reason: "refunded", updated_at: now })
    return id
  }

  /** Removes a refund file and releases its payments (compensation of recordRefundExport). */
  @InjectManager()
  async revertRefundExport(
    exportId: string,
    previousHeld: Record<string, string | null>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return await this.revertRefundExport_(exportId, previousHeld, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertRefundExport_(
    exportId: string,
    previousHeld: Record<string, string | null>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await knex("refund_export_item").where({ export_id: exportId }).delete()
    await knex("refund_export").where({ id: exportId }).delete()
    for (const [transactionId, held] of Object.entries(previousHeld)) {
      await knex("bank_transaction").where({ id: transactionId }).update({ held_reason: held })
    }
  }

  /** Encrypts a secret (the finAPI user password) for storage, with the current key. */
  async sealSecret(plaintext: string): Promise<string> {
    return encryptSecret(plaintext, this.encryptionKeys_)
  }

  /**
   * Opens a stored secret with the key it names (or, sealed before key ids, any configured key).
   * A wrong key or an altered value is a NOT_ALLOWED error naming `what` and what to do.
   */
  async openSecret(envelope: string, what = "A stored secret"): Promise<string> {
    try {
      return decryptSecret(envelope, this.encryptionKeys_)
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
  async reencryptSecrets(): Promise<{ reencrypted: string[]; current: number; failed: { id: string; error: string }[] }> {
    const interfaces = await this.listBankInterfaces({}, { select: ["id", "name", "encrypted_password"], take: null })
    const result = { reencrypted: [] as string[], current: 0, failed: [] as { id: string; error: string }[] }
    for (const bankInterface of interfaces) {
      const envelope = bankInterface.encrypted_password
      if (!envelope) continue
      if (isSealedWithCurrentKey(envelope, this.encryptionKeys_)) {
        result.current++
        continue
      }
      try {
        const plaintext = await this.openSecret(envelope, interfaceSecretName(bankInterface))
        await this.updateBankInterfaces({ id: bankInterface.id, encrypted_password: await this.sealSecret(plaintext) })
        result.reencrypted.push(bankInterface.id)
      } catch (error) {
        result.failed.push({ id: bankInterface.id, error: (error as Error).message })
      }
    }
    return result
  }

  /**
   * Records finAPI's NEW_TRANSACTIONS push for an account; while one is waiting, replays change
   * nothing. Returns whether this call recorded it.
   */
  @InjectManager()
  async recordAccountNotification(accountId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = await sharedContext.manager!.execute(
      `update bank_account set notified_at = now() where id = ? and notified_at is null and deleted_at is null returning id`,
      [accountId]
    )
    return rows.length > 0
  }

  /**
   * Takes the accounts with a waiting push and clears them in one statement, so each notification
   * window is imported by one worker only (a second instance skips rows the first has locked).
   */
  @InjectManager()
  async claimNotifiedAccounts(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string[]> {
    const rows = await sharedContext.manager!.execute(
      `update bank_account set notified_at = null
        where id in (select id from bank_account where notified_at is not null and deleted_at is null for update skip locked)
        returning id`
    )
    return rows.map((row: { id: string }) => row.id)
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
   * Inserts imported bank transactions in one statement. A row whose (account, finAPI id) is already
   * stored is skipped by the unique index, so concurrent or repeated imports store each exactly once.
   * A row with the content fingerprint of a stored payment (not itself a suspect) is flagged as its
   * potential duplicate; a row whose payment another source stored first is skipped by the
   * (account, dedupe key) index. Returns the rows actually inserted.
   */
  @InjectManager()
  async insertImportedTransactions(
    rows: ImportedTransactionInsert[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; is_potential_duplicate: boolean }[]> {
    if (!rows.length) {
      return []
    }
    // The rows arrive as several JSON parameters of at most INSERT_CHUNK_CHARS each rather than one:
    // one parameter for a whole page would be a string of > 0.5 MB, which V8 allocates straight into
    // its old generation; a few hundred pages of them let the heap grow by as much before it is collected.
    const chunks = [...jsonChunks(rows, INSERT_CHUNK_CHARS)]
    const statement = `with input as (
         select r.* from (values ${chunks.map(() => "(cast(? as jsonb))").join(", ")}) as c(rows)
         cross join lateral jsonb_to_recordset(c.rows) as r(id text, account_id text,
           finapi_transaction_id text, amount text, currency_code text, booking_date timestamptz,
           value_date timestamptz, import_date timestamptz, purpose text, counterpart_name text,
           counterpart_iban text, counterpart_bic text, end_to_end_reference text, mandate_reference text,
           creditor_id text, fingerprint text, is_potential_duplicate boolean, duplicate_of_id text,
           sync_run_id text, raw jsonb, source text, dedupe_key text, creditor_reference text, bank_reference text)
       )
       insert into bank_transaction (id, account_id, finapi_transaction_id, amount, raw_amount, currency_code,
         booking_date, value_date, import_date, purpose, counterpart_name, counterpart_iban, counterpart_bic,
         end_to_end_reference, mandate_reference, creditor_id, fingerprint, is_potential_duplicate,
         duplicate_of_id, sync_run_id, raw, source, dedupe_key, creditor_reference, bank_reference)
       select r.id, r.account_id, r.finapi_transaction_id, r.amount::numeric,
         jsonb_build_object('value', r.amount, 'precision', 20), r.currency_code, r.booking_date, r.value_date,
         r.import_date, r.purpose, r.counterpart_name, r.counterpart_iban, r.counterpart_bic,
         r.end_to_end_reference, r.mandate_reference, r.creditor_id, r.fingerprint,
         r.is_potential_duplicate or o.id is not null, coalesce(o.id, r.duplicate_of_id), r.sync_run_id, r.raw,
         coalesce(r.source, 'finapi'),
         -- a file brings its own "<fingerprint>#<n>"; a finAPI payment claims "#1" unless it is held
         case when r.dedupe_key is not null then r.dedupe_key
              when r.is_potential_duplicate or o.id is not null then null
              else r.fingerprint || '#1' end,
         r.creditor_reference, r.bank_reference
       from input r
       -- finAPI re-deliveries (same content, new finAPI id) are held; a payment another source stored
       -- first is left out by the dedupe key instead. One index probe per row: a join over the whole
       -- table would be planned as a scan while the table's statistics still say "empty", which is
       -- exactly the case during a first large import
       left join lateral (
         select t.id from bank_transaction t
          where r.dedupe_key is null and t.fingerprint = r.fingerprint and t.source = 'finapi'
            and t.deleted_at is null and not t.is_potential_duplicate
          order by t.created_at, t.id limit 1
       ) o on true
       -- no conflict target: both the (account, finAPI id) and the (account, dedupe key) key leave a known payment out
       on conflict do nothing
       returning id, is_potential_duplicate`
    // knex with bound parameters: MikroORM's execute() would inline (and escape) the whole JSON into the SQL.
    // Asynchronous commit is safe here: a crash can only lose the newest commits, and the import cursor
    // is committed after the pages it covers, so lost pages are read again by the next run.
    const insert = async (knex: Knex) => {
      await knex.raw("set local synchronous_commit = off")
      return (await knex.raw(statement, chunks)).rows
    }
    // inside insertStatementTransactions the rows join its transaction
    const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
    const outer = manager.getTransactionContext() as Knex | undefined
    return outer ? insert(outer) : manager.getKnex().transaction((transaction) => insert(transaction))
  }

  /**
   * Stores a statement file's payments page by page in ONE transaction, through the same insert as
   * the finAPI import: a file is imported whole or not at all.
   */
  @InjectTransactionManager()
  // eslint-disable-next-line @medusajs/use-inject-manager-on-public-methods -- a write: the transaction manager is the right decorator
  async insertStatementTransactions(
    pages: ImportedTransactionInsert[][],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; is_potential_duplicate: boolean }[]> {
    const stored: { id: string; is_potential_duplicate: boolean }[] = []
    for (const page of pages) {
      stored.push(...(await this.insertImportedTransactions(page, sharedContext)))
    }
    return stored
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

  /**
   * Applies assignment changes of one transaction atomically and refuses them when, afterwards, the
   * transaction's confirmed and booked assignments exceed its amount, or an order's confirmed but
   * unbooked assignments exceed what it still owes (`order_limits`). The transaction row is locked
   * (`for update`) and each order by an advisory lock, in a stable order, so two operators cannot
   * over-assign. Returns what compensation needs to undo it.
   */
  @InjectManager()
  async applyAssignmentChanges(
    change: AssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange> {
    return await this.applyAssignmentChanges_(change, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyAssignmentChanges_(
    change: AssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange> {
    const knex = lockingKnex(sharedContext)
    const transaction = await lockTransactionRow(knex, change.transaction_id)
    if (transaction.status === "ignored") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This payment is marked as not for this shop; undo that first, then assign it.")
    }
    const orderIds = [...new Set([...Object.keys(change.order_limits ?? {}), ...(change.create ?? []).map((c) => c.order_id)])].sort()
    for (const orderId of orderIds) {
      await knex.raw("select pg_advisory_xact_lock(hashtext(?))", [`finapi-order:${orderId}`])
    }
    const touched = [...(change.update ?? []).map((u) => u.id), ...(change.remove ?? [])]
    const previous: AssignmentSnapshot[] = touched.length
      ? await knex("payment_assignment")
          .select("id", "order_id", "amount", "status", "confirmed_at", "confirmed_by", "deleted_at")
          .whereIn("id", touched)
          .forUpdate()
          .andWhere("transaction_id", change.transaction_id)
      : []
    const missing = touched.find((id) => !previous.some((row) => row.id === id))
    if (missing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assignment ${missing} of payment ${change.transaction_id} was not found; reload the payment.`)
    }
    const now = new Date()
    // a claimed or booked assignment is the booking run's: re-checked in the same statement as the write
    const bookingOwned = previous.find((row) => row.status === "booking" || row.status === "booked")
    if (bookingOwned) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Assignment ${bookingOwned.id} is ${bookingOwned.status === "booked" ? "booked already" : "being booked right now"} and cannot change; reload the payment.`)
    }
    if (change.remove?.length) {
      await knex("payment_assignment").whereIn("id", change.remove).update({ deleted_at: now, updated_at: now })
    }
    for (const update of change.update ?? []) {
      await knex("payment_assignment")
        .where("id", update.id)
        .update({
          ...(update.amount ? { amount: update.amount, raw_amount: rawAmount(update.amount) } : {}),
          ...(update.status ? { status: update.status } : {}),
          ...(update.status === "confirmed" ? { confirmed_at: now, confirmed_by: update.confirmed_by ?? null } : {}),
          updated_at: now,
        })
    }
    const created = assignmentRows(change, now)
    if (created.length) {
      await knex("payment_assignment").insert(created)
    }
    await assertWithinLimits(knex, transaction, change.order_limits ?? {})
    await this.refreshTransactionStatuses_([change.transaction_id], sharedContext)
    const event_ids = await insertPaymentEvents(knex, assignmentEvents(change, created, previous))
    return { transaction_id: change.transaction_id, created_ids: created.map((row) => row.id), previous, event_ids }
  }

  /**
   * applyAssignmentChanges for many payments at once (creating assignments and dropping open
   * proposals, as auto-assign does), in one database transaction of set-based statements with the
   * same locks (every payment row, then every order, each in a stable order) and the same limits.
   * When any change would break a limit, or a payment is ignored, gone or changed meanwhile, nothing
   * is written and null is returned: the caller then applies the changes one by one.
   */
  @InjectManager()
  async applyAssignmentChangesInBulk(
    changes: AssignmentChange[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange[] | null> {
    try {
      return await this.applyAssignmentChangesInBulk_(changes, sharedContext)
    } catch (error) {
      if (error instanceof BulkRefused) {
        return null
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async applyAssignmentChangesInBulk_(
    changes: AssignmentChange[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppliedAssignmentChange[]> {
    if (!changes.length || changes.some((c) => c.update?.length)) {
      throw new BulkRefused()
    }
    const knex = lockingKnex(sharedContext)
    await knex.raw("set local lock_timeout = '10s'")
    const ids = [...new Set(changes.map((c) => c.transaction_id))].sort()
    if (ids.length !== changes.length) {
      throw new BulkRefused()
    }
    const locked: { id: string; status: string }[] = (
      await knex.raw(`select id, status from bank_transaction where id = any(?) and deleted_at is null order by id for update`, [ids])
    ).rows
    if (locked.length !== ids.length || locked.some((row) => row.status === "ignored")) {
      throw new BulkRefused()
    }
    const limits = Object.assign({}, ...changes.map((c) => c.order_limits ?? {})) as Record<string, { pending: string; label: string }>
    const orderIds = [...new Set([...Object.keys(limits), ...changes.flatMap((c) => (c.create ?? []).map((row) => row.order_id))])].sort()
    // one statement, locks taken in the array's (sorted) order
    await knex.raw(`select count(pg_advisory_xact_lock(hashtext(k))) from unnest(?::text[]) as u(k)`, [orderIds.map((id) => `finapi-order:${id}`)])
    const removed = changes.flatMap((c) => (c.remove ?? []).map((id) => ({ id, transaction_id: c.transaction_id })))
    const previous: (AssignmentSnapshot & { transaction_id: string })[] = removed.length
      ? await knex("payment_assignment")
          .select("id", "transaction_id", "order_id", "amount", "status", "confirmed_at", "confirmed_by", "deleted_at")
          .whereIn("id", removed.map((r) => r.id))
      : []
    if (removed.some((r) => !previous.some((p) => p.id === r.id && p.transaction_id === r.transaction_id && !p.deleted_at))) {
      throw new BulkRefused()
    }
    const now = new Date()
    if (removed.length) {
      await knex("payment_assignment").whereIn("id", removed.map((r) => r.id)).update({ deleted_at: now, updated_at: now })
    }
    const created = changes.map((change) => assignmentRows(change, now))
    if (created.flat().length) {
      await knex("payment_assignment").insert(created.flat())
    }
    const overPaid = await knex.raw(
      `select t.id from bank_transaction t
         join (select transaction_id, sum(amount) as total from payment_assignment
                where transaction_id = any(?) and status in ('confirmed', 'booking', 'booked') and deleted_at is null
                group by transaction_id) a on a.transaction_id = t.id
        where a.total > t.amount limit 1`,
      [ids]
    )
    const limited = Object.keys(limits)
    const orderTotals: { order_id: string; total: string }[] = limited.length
      ? (
          await knex.raw(
            `select order_id, sum(amount)::text as total from payment_assignment
              where order_id = any(?) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
            [limited]
          )
        ).rows
      : []
    if (overPaid.rows.length || orderTotals.some((row) => MathBN.gt(row.total, limits[row.order_id].pending))) {
      throw new BulkRefused()
    }
    await this.refreshTransactionStatuses_(ids, sharedContext)
    const before = changes.map((change) => previous.filter((p) => p.transaction_id === change.transaction_id).map(({ transaction_id: _, ...row }) => row))
    // the payments' history, as applyAssignmentChanges writes it; ids come back in the events' order
    const events = changes.map((change, i) => assignmentEvents(change, created[i], before[i]))
    const eventIds = await insertPaymentEvents(knex, events.flat())
    let next = 0
    return changes.map((change, i) => ({
      transaction_id: change.transaction_id,
      created_ids: created[i].map((row) => row.id),
      previous: before[i],
      event_ids: eventIds.slice(next, (next += events[i].length)),
    }))
  }

  /** Undoes applyAssignmentChanges: drops what it created and puts the touched rows back. */
  @InjectManager()
  async revertAssignmentChanges(
    applied: AppliedAssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return await this.revertAssignmentChanges_(applied, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertAssignmentChanges_(
    applied: AppliedAssignmentChange,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await lockTransactionRow(knex, applied.transaction_id)
    await deletePaymentEvents(knex, applied.event_ids)
    if (applied.created_ids.length) {
      await knex("payment_assignment").whereIn("id", applied.created_ids).delete()
    }
    for (const { order_id: _order, ...row } of applied.previous) {
      await knex("payment_assignment")
        .where("id", row.id)
        .update({ ...row, amount: String(row.amount), raw_amount: rawAmount(String(row.amount)), updated_at: new Date() })
    }
    await this.refreshTransactionStatuses_([applied.transaction_id], sharedContext)
  }

  /**
   * Recomputes `assigned_amount` (confirmed + booked), `booked_amount` and the status of
   * transactions from their assignments; an ignored transaction stays ignored.
   */
  @InjectManager()
  async refreshTransactionStatuses(
    transactionIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return await this.refreshTransactionStatuses_(transactionIds, sharedContext)
  }

  @InjectTransactionManager()
  protected async refreshTransactionStatuses_(
    transactionIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!transactionIds.length) {
      return
    }
    await sharedContext.transactionManager!.execute(
      `update bank_transaction t set assigned_amount = s.assigned,
         raw_assigned_amount = jsonb_build_object('value', s.assigned::text, 'precision', 20),
         booked_amount = s.booked,
         raw_booked_amount = jsonb_build_object('value', s.booked::text, 'precision', 20),
         status = case
           when t.status = 'ignored' then 'ignored'
           when s.booked > 0 and s.booked >= t.amount then 'booked'
           when s.booked > 0 then 'partially_booked'
           when s.assigned > 0 then 'assigned'
           when s.proposed > 0 then 'proposed'
           else 'unassigned' end,
         updated_at = now()
       from (select t2.id,
               coalesce(sum(a.amount) filter (where a.status in ('confirmed', 'booking', 'booked')), 0) as assigned,
               coalesce(sum(a.amount) filter (where a.status = 'booked'), 0) as booked,
               count(a.id) filter (where a.status = 'proposed') as proposed
             from bank_transaction t2
             left join payment_assignment a on a.transaction_id = t2.id and a.deleted_at is null
             where t2.id in (?) group by t2.id) s
       where t.id = s.id`,
      [transactionIds]
    )
  }

  /**
   * Claims an assignment for one booking run before anything is captured: `confirmed` → `booking`
   * (or a claim older than `staleBefore`, left by a run that died, taken over), under the row's lock,
   * committed in its own database transaction. Whoever does not get the claim finds nothing to do:
   * `booked` (done) or `busy` (another run holds a live claim). Not confirmed at all is refused.
   */
  @InjectManager()
  async claimAssignmentBooking(
    id: string,
    claim: string,
    staleBefore: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<BookingClaim> {
    try {
      return await this.claimAssignmentBooking_(id, claim, staleBefore, sharedContext)
    } catch (error) {
      // the row stays locked while another run captures under its claim (captureUnderBookingClaim)
      if (isLockTimeout(error)) {
        return { outcome: "busy", resumed: false }
      }
      throw error
    }
  }

  @InjectTransactionManager()
  protected async claimAssignmentBooking_(
    id: string,
    claim: string,
    staleBefore: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<BookingClaim> {
    const knex = lockingKnex(sharedContext)
    await knex.raw("set local lock_timeout = '10s'")
    const [row] = await knex("payment_assignment")
      .select(...CLAIMED_ASSIGNMENT_COLUMNS, "booking_claim", "booking_claimed_at", knex.raw("amount::text as amount"))
      .where({ id, deleted_at: null })
      .forUpdate()
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Assignment ${id} was not found; reload the list.`)
    }
    const assignment = (status: string): ClaimedAssignment => ({ ...pick(row, CLAIMED_ASSIGNMENT_COLUMNS), amount: row.amount, status } as ClaimedAssignment)
    if (row.status === "booked") {
      return { outcome: "booked", resumed: false, assignment: assignment(row.status) }
    }
    const stale = row.status === "booking" && (!row.booking_claimed_at || new Date(row.booking_claimed_at) < staleBefore)
    if (row.status === "booking" && !stale) {
      return { outcome: "busy", resumed: false }
    }
    if (row.status !== "confirmed" && !stale) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `This assignment is ${row.status}, not confirmed; confirm it on the incoming payment first, then book it.`)
    }
    await knex("payment_assignment")
      .where({ id, status: row.status })
      .update({ status: "booking", booking_claim: claim, booking_claimed_at: new Date(), updated_at: new Date() })
    return { outcome: "claimed", resumed: stale, assignment: assignment("booking") }
  }

  /**
   * Runs a booking's capture while its run's claim holds the assignment: renews the claim (only while
   * `claim` still holds it, so a run whose claim was taken over as stale captures nothing) and keeps
   * the assignment's row locked until `capture` has returned, its capture committed. A run taking the
   * claim over waits for that lock, then finds this capture (by its marker) and records it instead
   * of capturing again; a run that dies mid-capture drops its connection and with it the lock.
   */
  @InjectManager()
  async captureUnderBookingClaim<T>(
    id: string,
    claim: string,
    capture: () => Promise<T>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<T> {
    return await this.captureUnderBookingClaim_(id, claim, capture, sharedContext)
  }

  @InjectTransactionManager()
  protected async captureUnderBookingClaim_<T>(
    id: string,
    claim: string,
    capture: () => Promise<T>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<T> {
    const knex = lockingKnex(sharedContext)
    const now = new Date()
    const held = await knex("payment_assignment")
      .where({ id, deleted_at: null, status: "booking", booking_claim: claim })
      .update({ booking_claimed_at: now, updated_at: now })
      .returning(["id"])
    if (!held.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Assignment ${id} was taken over by another booking run (this run's claim had gone stale); this run captured nothing. Reload the list.`
      )
    }
    return await capture()
  }

  /**
   * Gives a claim back when its run fails: to `confirmed` when nothing was captured, so the next run
   * books it; when a capture was made but not recorded, the claim stays and is marked stale at once,
   * so the next run records that capture instead of capturing again. Only the claim's own run can.
   */
  @InjectManager()
  async releaseAssignmentClaim(
    id: string,
    claim: string,
    outcome: { captured: boolean; reason?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const update = outcome.captured
      ? { booking_claimed_at: null, booking_error: outcome.reason ?? null }
      : { status: "confirmed", booking_claim: null, booking_claimed_at: null }
    await sharedContext.manager!.getKnex()("payment_assignment")
      .where({ id, status: "booking", booking_claim: claim })
      .update({ ...update, updated_at: new Date() })
  }

  /**
   * Records a claimed assignment as booked with Medusa's payment and capture ids (and, for an
   * overpayment, the amount booked) and brings its transaction's booked amount and status along, all
   * in one database transaction; only while `claim` still holds it. The capture id is unique among
   * assignments, so one capture never books two.
   */
  @InjectManager()
  async recordAssignmentBooking(
    booking: AssignmentBooking,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ event_id: string }> {
    return await this.recordAssignmentBooking_(booking, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordAssignmentBooking_(
    booking: AssignmentBooking,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ event_id: string }> {
    const now = new Date()
    const knex = lockingKnex(sharedContext)
    const updated = await knex("payment_assignment")
      .where({ id: booking.id, deleted_at: null, status: "booking", booking_claim: booking.claim })
      .update({
        status: "booked",
        booked_at: now,
        booking_error: null,
        booking_claim: null,
        booking_claimed_at: null,
        payment_collection_id: booking.payment_collection_id,
        payment_id: booking.payment_id,
        capture_id: booking.capture_id,
        ...(booking.amount ? { amount: booking.amount, raw_amount: rawAmount(booking.amount) } : {}),
        metadata: JSON.stringify(booking.metadata),
        updated_at: now,
      })
      .returning(["transaction_id", "order_id", knex.raw("amount::text as amount")])
    if (!updated.length) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Assignment ${booking.id} is no longer claimed by this booking run; reload the list.`)
    }
    await this.refreshTransactionStatuses_([updated[0].transaction_id], sharedContext)
    const [event_id] = await insertPaymentEvents(knex, [
      {
        transaction_id: updated[0].transaction_id,
        kind: "booked",
        actor_type: booking.actor_id ? "user" : "engine",
        actor_id: booking.actor_id ?? null,
        assignment_id: booking.id,
        order_id: updated[0].order_id,
        amount: String(updated[0].amount),
        details: { capture_id: booking.capture_id, payment_id: booking.payment_id },
      },
    ])
    return { event_id }
  }

  /** Removes audit events a compensated step wrote (the step's work is undone, so is its record). */
  @InjectManager()
  async deletePaymentEventsById(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    return await this.deletePaymentEventsById_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async deletePaymentEventsById_(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await deletePaymentEvents(lockingKnex(sharedContext), ids)
  }

  /**
   * Marks a transaction as not for this shop (reason given) or, with `null`, undoes that. Refused
   * while it has confirmed or booked assignments. Returns the previous status and reason.
   */
  @InjectManager()
  async setTransactionIgnored(
    transactionId: string,
    reason: string | null,
    actorId: string | null = null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ status: string; ignore_reason: string | null; event_id: string }> {
    return await this.setTransactionIgnored_(transactionId, reason, actorId, sharedContext)
  }

  @InjectTransactionManager()
  protected async setTransactionIgnored_(
    transactionId: string,
    reason: string | null,
    actorId: string | null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ status: string; ignore_reason: string | null; event_id: string }> {
    const knex = lockingKnex(sharedContext)
    const transaction = await lockTransactionRow(knex, transactionId)
    if (reason !== null && !["unassigned", "proposed", "ignored"].includes(transaction.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "This payment is already assigned to orders; remove its assignments first, then mark it as not for this shop."
      )
    }
    await knex("bank_transaction")
      .where("id", transactionId)
      .update({ status: reason === null ? "unassigned" : "ignored", ignore_reason: reason, updated_at: new Date() })
    if (reason === null) {
      await this.refreshTransactionStatuses_([transactionId], sharedContext)
    }
    const [event_id] = await insertPaymentEvents(knex, [
      { transaction_id: transactionId, kind: reason === null ? "unignored" : "ignored", actor_type: "user", actor_id: actorId, details: reason === null ? null : { reason } },
    ])
    return { status: transaction.status, ignore_reason: transaction.ignore_reason, event_id }
  }

  /** Puts a transaction's status and ignore reason back (compensation of setTransactionIgnored). */
  @InjectManager()
  async restoreTransactionIgnore(
    transactionId: string,
    previous: { status: string; ignore_reason: string | null; event_id?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    return await this.restoreTransactionIgnore_(transactionId, previous, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreTransactionIgnore_(
    transactionId: string,
    previous: { status: string; ignore_reason: string | null; event_id?: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const knex = lockingKnex(sharedContext)
    await knex("bank_transaction")
      .where("id", transactionId)
      .update({ status: previous.status, ignore_reason: previous.ignore_reason, updated_at: new Date() })
    await deletePaymentEvents(knex, previous.event_id ? [previous.event_id] : [])
  }

  /**
   * Takes up to `limit` payments that still need matching and nobody else is matching (no claim, or
   * one older than `leaseSeconds`: its worker died), oldest id first. Two workers never get the same
   * payment while a lease runs (`for update skip locked`).
   */
  @InjectManager()
  async claimTransactionsToMatch(
    limit: number,
    leaseSeconds: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<string[]> {
    const rows: { id: string }[] = await sharedContext.manager!.execute(
      `update bank_transaction set matching_claimed_at = now()
        where id in (
          select id from bank_transaction
           where needs_matching = true and deleted_at is null
             and (matching_claimed_at is null or matching_claimed_at < now() - make_interval(secs => ?))
           order by id limit ? for update skip locked)
        returning id`,
      [leaseSeconds, limit]
    )
    return rows.map((row) => row.id).sort()
  }

  /** Hands payments back unclaimed; `needsMatching` false once auto-assign has seen them, true to match them again. */
  @InjectManager()
  async releaseTransactionsToMatch(
    ids: string[],
    needsMatching: boolean,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    if (!ids.length) {
      return
    }
    await sharedContext.manager!.execute(
      `update bank_transaction set matching_claimed_at = null, needs_matching = ? where id in (?)`,
      [needsMatching, ids]
    )
  }

  /** Per order, the confirmed but not yet booked assignment total, as a decimal string (orders without any are absent). */
  @InjectManager()
  async sumConfirmedByOrder(
    orderIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Record<string, string>> {
    if (!orderIds.length) {
      return {}
    }
    const rows: { order_id: string; total: string }[] = await sharedContext.manager!.execute(
      `select order_id, sum(amount)::text as total from payment_assignment
        where order_id in (?) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
      [orderIds]
    )
    return Object.fromEntries(rows.map((row) => [row.order_id, row.total]))
  }

  /**
   * The payer IBANs known for customers: learned from the operator's assignments, or from their
   * booked payments and manual assignments (never from automatic assignments alone, so a mistake
   * cannot teach itself), minus those the operator removed.
   */
  @InjectManager()
  async listKnownCounterpartIbans(
    customerIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ customer_id: string; counterpart_iban: string }[]> {
    return customerIds.length ? await learnedPayerStore.knownIbans(sharedContext.manager!, customerIds) : []
  }

  /** Payer names the operator's assignments taught (aliases the engine matches like names). */
  @InjectManager()
  async listPayerAliases(customerIds: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ customer_id: string; value: string }[]> {
    return customerIds.length ? await learnedPayerStore.payerAliases(sharedContext.manager!, customerIds) : []
  }

  /** Everything learned about one customer's payers, for the admin. */
  @InjectManager()
  async listCustomerLearnedPayers(customerId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<LearnedPayerRow[]> {
    return await learnedPayerStore.customerLearnedPayers(sharedContext.manager!, customerId)
  }

  /** Records what an assignment taught; returns the ids of new rows (already known ones are skipped). */
  @InjectManager()
  async learnPayers(lessons: PayerLesson[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<string[]> {
    return await this.changeLearnedPayers_((manager) => learnedPayerStore.insertLessons(manager, lessons), sharedContext)
  }

  @InjectManager()
  async unlearnPayers(ids: string[], @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await this.changeLearnedPayers_((manager) => learnedPayerStore.deleteLessons(manager, ids), sharedContext)
  }

  /** Forgets a customer's payer IBAN or name; returns what `restoreForgottenPayer` needs to undo it. */
  @InjectManager()
  async forgetPayer(customerId: string, kind: PayerKind, value: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<ForgottenPayer> {
    const normalized = normalizeLearned(kind, value)
    return await this.changeLearnedPayers_((manager) => learnedPayerStore.forget(manager, customerId, kind, normalized), sharedContext)
  }

  @InjectManager()
  async restoreForgottenPayer(undo: ForgottenPayer, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await this.changeLearnedPayers_((manager) => learnedPayerStore.unforget(manager, undo), sharedContext)
  }

  @InjectTransactionManager()
  protected async changeLearnedPayers_<T>(change: (manager: EntityManager) => Promise<T>, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<T> {
    return await change(sharedContext.transactionManager!)
  }
}

export type ForgottenPayer = { deleted: string[]; created: string[] }

/** A new assignment for applyAssignmentChanges; money as a decimal string. */
export type NewAssignment = {
  order_id: string
  customer_id?: string | null
  amount: string
  currency_code: string
  source: "auto" | "manual"
  status: "proposed" | "confirmed"
  confidence?: number | null
  evidence?: unknown
  confirmed_by?: string | null
  created_by?: string | null
}

export type AssignmentChange = {
  transaction_id: string
  create?: NewAssignment[]
  update?: { id: string; amount?: string; status?: "confirmed" | "rejected"; confirmed_by?: string | null }[]
  /** Open proposals to drop (soft delete). */
  remove?: string[]
  /** The admin user behind the change (null: the matching engine); goes into the audit trail. */
  actor_id?: string | null
  /** Orders whose assigned total grows: what each still owes per Medusa (before any assignment) and how to name it. */
  order_limits?: Record<string, { pending: string; label: string }>
}

/** What claiming an assignment for booking found: the claim, the booking done, or another run's live claim. */
/** The assignment's booking fields as the claim left them (amount as exact text). */
export type ClaimedAssignment = {
  id: string
  order_id: string
  transaction_id: string
  amount: string
  currency_code: string
  status: string
  booked_at: Date | null
  booking_error: string | null
  payment_collection_id: string | null
  payment_id: string | null
  capture_id: string | null
  metadata: Record<string, unknown> | null
}

const CLAIMED_ASSIGNMENT_COLUMNS = ["id", "order_id", "transaction_id", "currency_code", "status", "booked_at", "booking_error", "payment_collection_id", "payment_id", "capture_id", "metadata"] as const

function pick<T extends Record<string, unknown>, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>
}

export type BookingClaim = {
  outcome: "claimed" | "booked" | "busy"
  /** took over a claim of a run that died */
  resumed: boolean
  /** read under the row lock (status as the claim left it); absent when busy */
  assignment?: ClaimedAssignment
}

export type AssignmentBooking = {
  id: string
  /** the claim the booking run holds */
  claim: string
  payment_collection_id: string
  payment_id: string
  capture_id: string | null
  actor_id?: string | null
  /** set when less than assigned was captured (overpayment) */
  amount?: string
  metadata: Record<string, unknown>
}

type AssignmentSnapshot = {
  id: string
  order_id: string
  amount: string
  status: string
  confirmed_at: Date | null
  confirmed_by: string | null
  deleted_at: Date | null
}

export type AppliedAssignmentChange = { transaction_id: string; created_ids: string[]; previous: AssignmentSnapshot[]; event_ids: string[] }

type LockedTransaction = { id: string; amount: string; currency_code: string; status: string; ignore_reason: string | null }

type Knex = ReturnType<EntityManager["getKnex"]>

// A FOR UPDATE on a pooled (autocommit) connection would release at once; insist on the transaction.
function isLockTimeout(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === "55P03" || /lock timeout/i.test(e?.message ?? "")
}

function lockingKnex(sharedContext: Context<EntityManager>): Knex {
  const knex = sharedContext.transactionManager?.getTransactionContext() as Knex | undefined
  if (!knex) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Assignment changes must run inside a database transaction.")
  }
  return knex
}

async function lockTransactionRow(knex: Knex, id: string): Promise<LockedTransaction> {
  await knex.raw("set local lock_timeout = '10s'")
  const [row] = await knex("bank_transaction")
    .select("id", knex.raw("amount::text as amount"), "currency_code", "status", "ignore_reason")
    .where({ id, deleted_at: null })
    .forUpdate()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${id} was not found; reload the list.`)
  }
  return row as LockedTransaction
}

// Thrown inside the bulk transaction to roll it back; the caller falls back to one change at a time.
class BulkRefused extends Error {}

/** The payment_assignment rows a change creates. */
function assignmentRows(change: AssignmentChange, now: Date) {
  return (change.create ?? []).map((row) => ({
    id: generateEntityId(undefined, "pasg"),
    transaction_id: change.transaction_id,
    order_id: row.order_id,
    customer_id: row.customer_id ?? null,
    amount: row.amount,
    raw_amount: rawAmount(row.amount),
    currency_code: row.currency_code,
    source: row.source,
    status: row.status,
    confidence: row.confidence ?? null,
    evidence: row.evidence ? JSON.stringify(row.evidence) : null,
    confirmed_at: row.status === "confirmed" ? now : null,
    confirmed_by: row.status === "confirmed" ? row.confirmed_by ?? null : null,
    created_by: row.created_by ?? null,
  }))
}

function rawAmount(amount: string): string {
  return JSON.stringify({ value: amount, precision: 20 })
}

async function assertWithinLimits(knex: Knex, transaction: LockedTransaction, orderLimits: Record<string, { pending: string; label: string }>) {
  const [{ assigned }] = (
    await knex.raw(
      `select coalesce(sum(amount), 0)::text as assigned from payment_assignment
        where transaction_id = ? and status in ('confirmed', 'booking', 'booked') and deleted_at is null`,
      [transaction.id]
    )
  ).rows
  if (MathBN.gt(assigned, transaction.amount)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The assignments (${MathBN.convert(assigned).toFixed(2)}) would exceed the payment's amount of ${MathBN.convert(transaction.amount).toFixed(2)}; lower an amount or remove another assignment first.`
    )
  }
  const orderIds = Object.keys(orderLimits)
  if (!orderIds.length) {
    return
  }
  const rows: { order_id: string; total: string }[] = (
    await knex.raw(
      `select order_id, sum(amount)::text as total from payment_assignment
        where order_id in (${orderIds.map(() => "?").join(", ")}) and status in ('confirmed', 'booking') and deleted_at is null group by order_id`,
      orderIds
    )
  ).rows
  for (const row of rows) {
    const limit = orderLimits[row.order_id]
    if (MathBN.gt(row.total, limit.pending)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${limit.label} owes ${MathBN.convert(limit.pending).toFixed(2)}, but ${MathBN.convert(row.total).toFixed(2)} would be assigned to it; assign at most what is still open.`
      )
    }
  }
}

/** A payment whose surplus can be refunded (listRefundCandidates); money as decimal strings. */
export type RefundCandidate = {
  id: string
  amount: string
  surplus: string
  currency_code: string
  booking_date: Date
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  counterpart_bic: string | null
  status: string
  reason: "cancelled_order" | "duplicate" | "overpayment" | "no_order"
  order_id: string | null
}

/** A refund file and its items as recordRefundExport stores them. */
export type RefundExportRecord = {
  message_id: string
  file_name: string
  format: string
  currency_code: string
  total: string
  count: number
  debtor_iban: string
  debtor_name: string
  xml: string
  created_by: string | null
  items: {
    transaction_id: string
    order_id: string | null
    reason: string
    amount: string
    creditor_iban: string
    creditor_bic: string | null
    creditor_name: string
    end_to_end_id: string
  }[]
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
  /** Statement-file rows only: "file", their "<fingerprint>#<n>" and the file's extra references. */
  source?: "file"
  dedupe_key?: string
  creditor_reference?: string | null
  bank_reference?: string | null
}

export default BankReconciliationModuleService

type PaymentEventInsert = {
  transaction_id: string
  kind: PaymentEventKind
  actor_type: "engine" | "user"
  actor_id?: string | null
  assignment_id?: string | null
  order_id?: string | null
  amount?: string | null
  confidence?: number | null
  details?: Record<string, unknown> | null
}

async function insertPaymentEvents(knex: Knex, events: PaymentEventInsert[]): Promise<string[]> {
  if (!events.length) {
    return []
  }
  const rows = events.map((e) => ({
    id: generateEntityId(undefined, "pevt"),
    transaction_id: e.transaction_id,
    kind: e.kind,
    actor_type: e.actor_type,
    actor_id: e.actor_id ?? null,
    assignment_id: e.assignment_id ?? null,
    order_id: e.order_id ?? null,
    amount: e.amount ?? null,
    raw_amount: e.amount ? rawAmount(e.amount) : null,
    confidence: e.confidence ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  }))
  await knex("payment_event").insert(rows)
  return rows.map((r) => r.id)
}

async function deletePaymentEvents(knex: Knex, ids: string[] | undefined): Promise<void> {
  if (ids?.length) {
    await knex("payment_event").whereIn("id", ids).delete()
  }
}

/** What an assignment change means for the audit trail: suggested, assigned, confirmed, amount changed, rejected, removed. */
function assignmentEvents(
  change: AssignmentChange,
  created: { id: string; order_id: string; amount: string; source: string; status: string; confidence: number | null; confirmed_by: string | null; created_by: string | null }[],
  previous: AssignmentSnapshot[]
): PaymentEventInsert[] {
  const actor = (id: string | null | undefined) => ({ actor_type: id ? ("user" as const) : ("engine" as const), actor_id: id ?? null })
  const base = { transaction_id: change.transaction_id }
  const events: PaymentEventInsert[] = created.map((row) => ({
    ...base,
    kind: row.status === "proposed" ? "suggested" : "assigned",
    ...(row.source === "auto" ? actor(null) : actor(row.created_by ?? row.confirmed_by ?? change.actor_id)),
    assignment_id: row.id,
    order_id: row.order_id,
    amount: row.amount,
    confidence: row.confidence,
  }))
  const before = new Map(previous.map((row) => [row.id, row]))
  for (const update of change.update ?? []) {
    const row = before.get(update.id)!
    const kind: PaymentEventKind | null =
      update.status === "confirmed" ? "confirmed" : update.status === "rejected" ? (row.status === "proposed" ? "rejected" : "removed") : update.amount ? "amount_changed" : null
    if (kind) {
      const amount = update.amount ?? String(row.amount)
      events.push({ ...base, kind, ...actor(update.confirmed_by ?? change.actor_id), assignment_id: row.id, order_id: row.order_id, amount })
    }
  }
  for (const id of change.remove ?? []) {
    const row = before.get(id)!
    events.push({ ...base, kind: "removed", ...actor(change.actor_id), assignment_id: id, order_id: row.order_id, amount: String(row.amount), details: { replaced: true } })
  }
  return events
}
