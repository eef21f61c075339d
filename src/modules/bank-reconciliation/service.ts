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
  PaymentAssignment,
  SyncRun,
} from "./models"
import { PluginOptions, PluginOptionsInput, PluginOptionsSchema, describeOptionIssues } from "./plugin-options"
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./secret-box"

type InjectedDependencies = Record<string, unknown>

class BankReconciliationModuleService extends MedusaService({
  BankInterface,
  BankConnection,
  BankAccount,
  BankTransaction,
  PaymentAssignment,
  SyncRun,
}) {
  protected readonly options_: PluginOptions
  protected readonly encryptionKey_: Buffer

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
