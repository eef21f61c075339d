import { FinapiClientConfig, FinapiUserCredentials as Credentials } from "./client-config"
import { DecimalAccount, DecimalTransaction, DecimalTransactionPage } from "./decimal-records"
import { HttpTransport } from "./http-transport"
import * as accounts from "./operations/accounts"
import * as bankConnections from "./operations/bank-connections"
import { CallContext } from "./operations/call-context"
import * as notificationRules from "./operations/notification-rules"
import * as sandboxTests from "./operations/sandbox-tests"
import * as tasks from "./operations/tasks"
import * as transactions from "./operations/transactions"
import * as users from "./operations/users"
import * as webForms from "./operations/web-forms"
import { BankConnection } from "./schemas/bank-connection"
import { NotificationRule, NotificationRuleParams } from "./schemas/notification-rule"
import { BackgroundUpdateRequest, Task } from "./schemas/task"
import { MockBatchUpdateParams } from "./schemas/transaction"
import { User, UserCreateParams } from "./schemas/user"
import { BankConnectionImportRequest, WebForm } from "./schemas/web-form"
import { SecretRedactor } from "./secret-redactor"
import { TokenStore } from "./token-store"

/**
 * finAPI Access API v2 + Web Form 2.0 client. Speaks only HTTP; finAPI's sandbox, live and the
 * local simulator differ only in `accessBaseUrl` / `webFormBaseUrl`.
 */
export class FinapiClient {
  private readonly ctx: CallContext

  constructor(config: FinapiClientConfig) {
    assertUsableConfig(config)
    const redactor = new SecretRedactor()
    redactor.remember(config.clientSecret)
    const transport = new HttpTransport(
      { ...config, accessBaseUrl: trimSlash(config.accessBaseUrl), webFormBaseUrl: trimSlash(config.webFormBaseUrl) },
      redactor
    )
    this.ctx = { transport, redactor, tokens: new TokenStore(transport, config, redactor, config.now) }
  }

  /** Creates a finAPI user (client token); a taken id fails with kind `conflict`. */
  createUser(params: UserCreateParams): Promise<User> {
    return users.createUser(this.ctx, params)
  }

  /** Reads the user behind the credentials; wrong credentials fail with kind `auth`. */
  getUser(user: Credentials): Promise<User> {
    return users.getUser(this.ctx, user)
  }

  /** Deletes the user with all its data at finAPI and forgets its cached tokens. */
  deleteUser(user: Credentials): Promise<void> {
    return users.deleteUser(this.ctx, user)
  }

  /** Creates the web form through which the user links a bank (valid 20 minutes, one-time URL). */
  createBankConnectionImportWebForm(user: Credentials, request: BankConnectionImportRequest): Promise<WebForm> {
    return webForms.createBankConnectionImportWebForm(this.ctx, user, request)
  }

  /** Reads a web form's status and result. */
  getWebForm(user: Credentials, id: string): Promise<WebForm> {
    return webForms.getWebForm(this.ctx, user, id)
  }

  /**
   * Starts a background update task for a bank connection. `userMetadata` is required: finAPI must
   * learn whether a real user is behind the update (see systemUserMetadata for unattended ones).
   */
  startBackgroundUpdate(user: Credentials, request: BackgroundUpdateRequest): Promise<Task> {
    return tasks.startBackgroundUpdate(this.ctx, user, request)
  }

  /** Reads a background update task (status, WEB_FORM_REQUIRED form, error code). */
  getTask(user: Credentials, id: string): Promise<Task> {
    return tasks.getTask(this.ctx, user, id)
  }

  /** Polls a task until final; throws FinapiWebFormRequiredError when the user must open a form. */
  waitForTask(user: Credentials, id: string, options?: tasks.WaitForTaskOptions): Promise<Task> {
    return tasks.waitForTask(this.ctx, user, id, options)
  }

  /** Lists the user's bank connections (optionally by ids). */
  listBankConnections(user: Credentials, ids?: number[]): Promise<BankConnection[]> {
    return bankConnections.listBankConnections(this.ctx, user, ids)
  }

  /** Reads one bank connection; unknown ids fail with kind `not-found`. */
  getBankConnection(user: Credentials, id: number): Promise<BankConnection> {
    return bankConnections.getBankConnection(this.ctx, user, id)
  }

  /** Deletes a bank connection at finAPI (and its accounts/transactions there). */
  deleteBankConnection(user: Credentials, id: number): Promise<void> {
    return bankConnections.deleteBankConnection(this.ctx, user, id)
  }

  /** Lists accounts; money fields are decimal strings. */
  listAccounts(user: Credentials, filter?: accounts.AccountFilter): Promise<DecimalAccount[]> {
    return accounts.listAccounts(this.ctx, user, filter)
  }

  /** Reads one account; money fields are decimal strings. */
  getAccount(user: Credentials, id: number): Promise<DecimalAccount> {
    return accounts.getAccount(this.ctx, user, id)
  }

  /** Reads one page (1-based) of transactions; amounts are decimal strings. */
  listTransactions(user: Credentials, filter: transactions.TransactionFilter, page = 1): Promise<DecimalTransactionPage> {
    return transactions.listTransactionsPage(this.ctx, user, filter, page)
  }

  /** Lazily yields all pages of a transaction query (500 per page by default). */
  iterateTransactionPages(user: Credentials, filter: transactions.TransactionFilter): AsyncGenerator<DecimalTransactionPage> {
    return transactions.iterateTransactionPages(this.ctx, user, filter)
  }

  /** Lazily yields all transactions of a query, one page in memory at a time. */
  iterateTransactions(user: Credentials, filter: transactions.TransactionFilter): AsyncGenerator<DecimalTransaction> {
    return transactions.iterateTransactions(this.ctx, user, filter)
  }

  /** Creates a notification rule (e.g. NEW_TRANSACTIONS with a callback handle). */
  createNotificationRule(user: Credentials, params: NotificationRuleParams): Promise<NotificationRule> {
    return notificationRules.createNotificationRule(this.ctx, user, params)
  }

  /** Lists the user's notification rules. */
  listNotificationRules(user: Credentials): Promise<NotificationRule[]> {
    return notificationRules.listNotificationRules(this.ctx, user)
  }

  /** Deletes a notification rule. */
  deleteNotificationRule(user: Credentials, id: number): Promise<void> {
    return notificationRules.deleteNotificationRule(this.ctx, user, id)
  }

  /** finAPI sandbox only: simulates a batch update (new transactions, balances, login errors). */
  mockBatchUpdate(user: Credentials, params: MockBatchUpdateParams): Promise<void> {
    return sandboxTests.mockBatchUpdate(this.ctx, user, params)
  }
}

// Fails at start-up rather than on the first call; never echoes the secret.
function assertUsableConfig(config: FinapiClientConfig): void {
  for (const [name, url] of [["accessBaseUrl", config.accessBaseUrl], ["webFormBaseUrl", config.webFormBaseUrl]]) {
    if (!url || !/^https?:\/\/[^/]/.test(url)) {
      throw new TypeError(`finAPI client: ${name} must be an http(s) URL, got "${url ?? ""}"`)
    }
  }
  if (!config.clientId || !config.clientSecret) {
    throw new TypeError("finAPI client: clientId and clientSecret are required")
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "")
}
