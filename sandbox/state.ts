import type { SeededTransaction } from "./data/seeded-transactions"
import type { SandboxClock } from "./clock"
import { createRandom, seedFrom, tokenFrom, uuidFrom } from "./data/prng"
import { TransactionStore } from "./data/transaction-store"
import type {
  SandboxUser,
  StoredAccount,
  StoredBankConnection,
  StoredNotificationRule,
  StoredTask,
  StoredWebForm,
} from "./model"

export interface SandboxSettings {
  clientId: string
  clientSecret: string
  /** Lifetimes in seconds, as finAPI's client configuration names them; 0 = never expires. */
  userAccessTokensValidityPeriod: number
  clientAccessTokensValidityPeriod: number
  refreshTokensValidityPeriod: number
  /** How long imports, updates and tasks stay IN_PROGRESS before they finish. */
  updateDelayMs: number
  /** Licensed mandators may pass `redirectUrl` in the web-form body; unlicensed ones get 422. */
  licensed: boolean
  /** With finAPI's credentials licence stored login values are shown; without it every stored value reads "XXXXX". */
  credentialsLicence: boolean
  webFormLifetimeMs: number
  userNotificationCallbackUrl: string | null
  /** Base URL put into web-form URLs; default: the Host the API call came in on. */
  publicUrl: string | null
}

export interface IssuedToken {
  token: string
  kind: "client" | "user"
  userKey: string | null
  expiresAt: number | null
  refreshToken: string | null
}

export interface CallbackDelivery {
  url: string
  body: unknown
  at: string
  status: number | null
  error: string | null
}

/** All in-memory state of one sandbox; `reset()` brings it back to the seeded start. */
export class SandboxState {
  users = new Map<string, SandboxUser>()
  tokens = new Map<string, IssuedToken>()
  refreshTokens = new Map<string, { userKey: string; expiresAt: number | null }>()
  connections = new Map<number, StoredBankConnection>()
  accounts = new Map<number, StoredAccount>()
  transactions = new TransactionStore(900_001)
  webForms = new Map<string, StoredWebForm>()
  tasks = new Map<string, StoredTask>()
  notificationRules = new Map<number, StoredNotificationRule>()
  callbackDeliveries: CallbackDelivery[] = []
  /** Extra rows for the Girokonto's starting statement (the demo's payments for its own orders); kept across reset(). */
  extraStatement: SeededTransaction[] = []
  private random: () => number
  private counters = { user: 1, connection: 1001, account: 2001, rule: 1, generation: 1 }

  constructor(
    public seed: number,
    public readonly clock: SandboxClock,
    public settings: SandboxSettings,
    public publicUrl: string
  ) {
    this.random = createRandom(seedFrom(seed, "state"))
  }

  reset(seed = this.seed): void {
    this.seed = seed
    this.random = createRandom(seedFrom(seed, "state"))
    this.counters = { user: 1, connection: 1001, account: 2001, rule: 1, generation: 1 }
    this.users.clear()
    this.tokens.clear()
    this.refreshTokens.clear()
    this.connections.clear()
    this.accounts.clear()
    this.transactions = new TransactionStore(900_001)
    this.webForms.clear()
    this.tasks.clear()
    this.notificationRules.clear()
    this.callbackDeliveries = []
  }

  now(): number {
    return this.clock.now()
  }

  nextUserInternalId(): number {
    return this.counters.user++
  }
  nextConnectionId(): number {
    return this.counters.connection++
  }
  nextAccountId(): number {
    return this.counters.account++
  }
  nextRuleId(): number {
    return this.counters.rule++
  }
  /** A fresh per-call seed for generated transactions, still reproducible from the sandbox seed. */
  nextGenerationSeed(): number {
    return seedFrom(this.seed, "generation", this.counters.generation++)
  }
  newUuid(): string {
    return uuidFrom(this.random)
  }
  newToken(): string {
    return tokenFrom(this.random)
  }

  connectionsOf(userKey: string): StoredBankConnection[] {
    return [...this.connections.values()].filter((c) => c.userKey === userKey)
  }
  accountsOf(userKey: string): StoredAccount[] {
    return [...this.accounts.values()].filter((a) => a.userKey === userKey)
  }

  /** Removes a connection with its accounts and their transactions (finAPI cascades the same way). */
  deleteConnection(id: number): void {
    const connection = this.connections.get(id)
    if (!connection) return
    for (const accountId of connection.accountIds) this.deleteAccount(accountId)
    this.connections.delete(id)
  }

  deleteAccount(id: number): void {
    const account = this.accounts.get(id)
    if (!account) return
    this.transactions.dropAccount(id)
    this.accounts.delete(id)
    const connection = this.connections.get(account.bankConnectionId)
    if (connection) connection.accountIds = connection.accountIds.filter((a) => a !== id)
  }

  deleteUser(userKey: string): void {
    for (const connection of this.connectionsOf(userKey)) this.deleteConnection(connection.id)
    for (const [token, issued] of this.tokens) if (issued.userKey === userKey) this.tokens.delete(token)
    for (const [token, refresh] of this.refreshTokens) if (refresh.userKey === userKey) this.refreshTokens.delete(token)
    for (const [id, rule] of this.notificationRules) if (rule.userKey === userKey) this.notificationRules.delete(id)
    this.users.delete(userKey)
  }
}
