import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { FinapiLogger, UserMetadata } from "../finapi"
import { BankAccount, BankConnection, BankInterface, BankTransaction, FinapiCallLog, LearnedPayer } from "../models"
import { OrderNotice, PaymentAssignment, PaymentEvent, RefundExport, RefundExportItem, SyncRun } from "../models"
import { PluginOptions, PluginOptionsInput } from "../plugin-options"
import type { BankConnectionWebFormInput, BankDataUpdateInput, FinapiAccountImportInput, RegisteredNotification } from "../types"
import { CALL_LOG_RETENTION_DAYS, callLogRow, FinapiContext, FinapiGateway, LOGIN_COLUMNS, pruneCallLog } from "./finapi-gateway"
import * as finapi from "./finapi-operations"
import type { MoneyInputCrud } from "./money-input-crud"
import { parsePluginOptions } from "./plugin-options-parser"

type Shared = Context<EntityManager>

const MODELS = {
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
}

/**
 * Medusa's generated CRUD for the plugin's tables, and the module's finAPI side: the options, the
 * gateway (sealed credentials, clients, tokens, call log) and the operations at finAPI. Each operation
 * opens the interface's login inside the module and writes its call log; no caller ever sees a
 * password or a client. The module service (../service.ts) extends this with the payment side.
 */
export class FinapiModuleService extends MedusaService<MoneyInputCrud<typeof MODELS>>(MODELS) {
  protected readonly options_: PluginOptions
  protected readonly finapi_: FinapiContext

  constructor(container: { logger?: FinapiLogger } & Record<string, unknown>, options: PluginOptionsInput) {
    super(...arguments)
    this.options_ = parsePluginOptions(options)
    const gateway = new FinapiGateway(
      this.options_,
      container.logger,
      async (interfaceId, entries) => void (await this.createFinapiCallLogs(entries.map((entry) => callLogRow(interfaceId, entry)))),
      (interfaceId) => this.retrieveBankInterface(interfaceId, { select: LOGIN_COLUMNS })
    )
    // the operations run on the whole module service (they also store transactions), which extends this class
    this.finapi_ = { gateway, store: this as unknown as FinapiContext["store"] }
  }

  /** The validated plugin options (with defaults); routes and workflows read them from here. */
  async getOptions(): Promise<PluginOptions> {
    return this.options_
  }

  /** Encrypts a secret (the finAPI user password) for storage, with the current key. */
  async sealSecret(plaintext: string): Promise<string> {
    return this.finapi_.gateway.seal(plaintext)
  }

  /** Re-seals every stored secret not sealed with the current key; one no configured key opens is reported, not changed. */
  async reencryptSecrets(): Promise<{ reencrypted: string[]; current: number; failed: { id: string; error: string }[] }> {
    const interfaces = await this.listBankInterfaces({}, { select: ["id", "name", "encrypted_password"], take: null })
    return await this.finapi_.gateway.reseal(interfaces, async (id, encrypted_password) => void (await this.updateBankInterfaces({ id, encrypted_password })))
  }

  /** Creates (first time) or logs in the interface's finAPI user; the password is stored sealed, never returned. */
  async connectFinapiUser(interfaceId: string, password?: string | null) {
    return await finapi.connectFinapiUser(this.finapi_, interfaceId, password)
  }

  /** Deletes the interface's finAPI user with every bank consent; false when it had none. */
  async deleteFinapiUser(interfaceId: string): Promise<boolean> {
    return await finapi.deleteFinapiUser(this.finapi_, interfaceId)
  }

  async createBankConnectionWebForm(input: BankConnectionWebFormInput) {
    return await finapi.createBankConnectionWebForm(this.finapi_, input)
  }

  /** Re-reads a connection's open web form; once final, stores the bank connection or why it failed. */
  async syncBankConnectionWebForm(connectionId: string) {
    return await finapi.syncBankConnectionWebForm(this.finapi_, connectionId)
  }

  /** Mirrors every bank connection and account of the interface's finAPI user; gone ones are marked disconnected. */
  async syncBankConnections(interfaceId: string) {
    return await finapi.syncBankConnections(this.finapi_, interfaceId)
  }

  async renewBankConnection(connectionId: string, userMetadata?: UserMetadata | null) {
    return await finapi.renewBankConnection(this.finapi_, connectionId, userMetadata)
  }

  /** Deletes the connection at finAPI (revoking the consent); here it stays, disconnected, its accounts no longer importing. */
  async disconnectBankConnection(connectionId: string) {
    return await finapi.disconnectBankConnection(this.finapi_, connectionId)
  }

  async registerNewTransactionNotifications(accountIds: string[]): Promise<RegisteredNotification[]> {
    return await finapi.registerNewTransactionNotifications(this.finapi_, accountIds)
  }

  async removeNewTransactionNotifications(registered: RegisteredNotification[]): Promise<void> {
    return await finapi.removeNewTransactionNotifications(this.finapi_, registered)
  }

  /** Asks finAPI to update a bank connection from the bank and waits until it is ready (or says why not). */
  async updateFinapiBankData(input: BankDataUpdateInput) {
    return await finapi.updateFinapiBankData(this.finapi_, input)
  }

  /** Imports an account's new incoming payments page by page; what was stored is returned even when a page failed. */
  async importFinapiAccount(input: FinapiAccountImportInput) {
    return await finapi.importFinapiAccount(this.finapi_, input)
  }

  /** Deletes call-log entries older than the retention period; returns how many went. */
  @InjectManager()
  async pruneFinapiCallLog(olderThanDays = CALL_LOG_RETENTION_DAYS, @MedusaContext() sharedContext: Shared = {}): Promise<number> {
    return await pruneCallLog(sharedContext.manager!, olderThanDays)
  }
}
