import type { Context, DAL } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { FinapiLogger } from "./finapi"
import * as learnedPayerStore from "./services/learned-payer-store"
import { normalizeLearned, type PayerKind, type PayerLesson } from "./learned-payers"
import type { PluginOptionsInput } from "./plugin-options"
import { AssignmentLedger } from "./services/assignment-ledger"
import * as totals from "./services/assignment-totals"
import { BookingClaims } from "./services/booking-claims"
import { FinapiModuleService } from "./services/finapi-module-service"
import { deleteUntouchedTransactionsOfRun, insertImportedTransactions, insertStatementPages } from "./services/imported-transactions"
import { listRefundCandidates, RefundExports } from "./services/refund-exports"
import * as workClaims from "./services/work-claims"
import type { AppliedAssignmentChange, AssignmentBooking, AssignmentChange, BookedAssignmentBefore, BookingClaimLine, BookingRelease, ForgottenPayer, IgnoreState, RecordedBookings } from "./types"
import type { ImportedTransactionInsert, OrderNoticeClaim, RefundCandidate, RefundCandidateFilter, RefundExportRecord, StoredTransaction } from "./types"

export type * from "./types"

type Shared = Context<EntityManager>

/**
 * The module service: Medusa's generated CRUD for the plugin's tables and the finAPI operations (both from
 * FinapiModuleService), and the payment side, each delegated to the part that owns it (services/). Public
 * methods open a manager and join the caller's database transaction if it passes one.
 */
class BankReconciliationModuleService extends FinapiModuleService {
  declare protected baseRepository_: DAL.RepositoryService
  protected readonly ledger_: AssignmentLedger
  protected readonly claims_: BookingClaims
  protected readonly refunds_: RefundExports
  protected readonly payers_: learnedPayerStore.LearnedPayerChanges

  constructor(container: { logger?: FinapiLogger } & Record<string, unknown>, options: PluginOptionsInput) {
    super(container, options)
    this.ledger_ = new AssignmentLedger(this.baseRepository_)
    this.claims_ = new BookingClaims(this.baseRepository_)
    this.refunds_ = new RefundExports(this.baseRepository_)
    this.payers_ = new learnedPayerStore.LearnedPayerChanges(this.baseRepository_)
  }

  /** Records a step of the prepayment loop once per (order, key); null when it was recorded before. */
  @InjectManager()
  async claimOrderNotice(notice: OrderNoticeClaim, @MedusaContext() sharedContext: Shared = {}): Promise<string | null> {
    return await workClaims.claimOrderNotice(sharedContext.manager!, notice)
  }

  /** The orders among these that have a payment assigned or proposed (not rejected). */
  @InjectManager()
  async listOrdersWithLiveAssignments(orderIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<string[]> {
    return await totals.listOrdersWithLiveAssignments(sharedContext.manager!, orderIds)
  }

  @InjectManager()
  async listRefundCandidates(filter: RefundCandidateFilter = {}, @MedusaContext() sharedContext: Shared = {}): Promise<{ candidates: RefundCandidate[]; count: number }> {
    return await listRefundCandidates(sharedContext.manager!, filter)
  }

  /** Stores a refund file and holds its payments out of matching, in one database transaction. */
  @InjectManager()
  async recordRefundExport(file: RefundExportRecord, @MedusaContext() sharedContext: Shared = {}): Promise<string> {
    return await this.refunds_.recordRefundExport(file, sharedContext)
  }

  /** Removes a refund file and releases its payments (compensation of recordRefundExport). */
  @InjectManager()
  async revertRefundExport(exportId: string, previousHeld: Record<string, string | null>, @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    return await this.refunds_.revertRefundExport(exportId, previousHeld, sharedContext)
  }

  /** Records finAPI's NEW_TRANSACTIONS push for an account; returns whether this call recorded it. */
  @InjectManager()
  async recordAccountNotification(accountId: string, @MedusaContext() sharedContext: Shared = {}): Promise<boolean> {
    return await workClaims.recordAccountNotification(sharedContext.manager!, accountId)
  }

  /** Takes the accounts with a waiting push and clears them, so one worker imports each window. */
  @InjectManager()
  async claimNotifiedAccounts(@MedusaContext() sharedContext: Shared = {}): Promise<string[]> {
    return await workClaims.claimNotifiedAccounts(sharedContext.manager!)
  }

  /** Sum of the non-rejected assignment amounts of a transaction, exact, as a decimal string. */
  @InjectManager()
  async sumAssignedAmount(transactionId: string, @MedusaContext() sharedContext: Shared = {}): Promise<string> {
    return await totals.sumAssignedAmount(sharedContext.manager!, transactionId)
  }

  /** Sum of the amounts of the given transactions, exact, as a decimal string. */
  @InjectManager()
  async sumTransactionAmounts(transactionIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<string> {
    return await totals.sumTransactionAmounts(sharedContext.manager!, transactionIds)
  }

  /** Inserts imported transactions in one statement, each (account, finAPI id / dedupe key) once; duplicates held. */
  @InjectManager()
  async insertImportedTransactions(rows: ImportedTransactionInsert[], @MedusaContext() sharedContext: Shared = {}): Promise<StoredTransaction[]> {
    return await insertImportedTransactions(rows, sharedContext)
  }

  /** Stores a statement file's payments page by page in ONE transaction: imported whole or not at all. */
  @InjectTransactionManager()
  async insertStatementTransactions(pages: ImportedTransactionInsert[][], @MedusaContext() sharedContext: Shared = {}): Promise<StoredTransaction[]> {
    return await insertStatementPages(pages, sharedContext)
  }

  /** Removes what an import run stored and nobody has touched yet; returns how many rows went. */
  @InjectManager()
  async deleteUntouchedTransactionsOfRun(syncRunId: string, @MedusaContext() sharedContext: Shared = {}): Promise<number> {
    return await deleteUntouchedTransactionsOfRun(sharedContext.manager!, syncRunId)
  }

  /** Applies one payment's assignment changes atomically, under its row lock and its orders' locks, within their limits. */
  @InjectManager()
  async applyAssignmentChanges(change: AssignmentChange, @MedusaContext() sharedContext: Shared = {}): Promise<AppliedAssignmentChange> {
    return await this.ledger_.applyAssignmentChanges(change, sharedContext)
  }

  /** applyAssignmentChanges for many payments in one transaction; null when any does not fit (nothing written). */
  @InjectManager()
  async applyAssignmentChangesInBulk(changes: AssignmentChange[], @MedusaContext() sharedContext: Shared = {}): Promise<AppliedAssignmentChange[] | null> {
    return await this.ledger_.applyAssignmentChangesInBulk(changes, sharedContext)
  }

  /** Undoes applyAssignmentChanges: drops what it created and puts the touched rows back. */
  @InjectManager()
  async revertAssignmentChanges(applied: AppliedAssignmentChange, @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    return await this.ledger_.revertAssignmentChanges(applied, sharedContext)
  }

  /** Recomputes the assigned and booked amounts and the status of transactions from their assignments. */
  @InjectManager()
  async refreshTransactionStatuses(transactionIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    return await this.ledger_.refreshTransactionStatuses(transactionIds, sharedContext)
  }

  /** Claims assignments for one booking run (see BookingClaims): each line claimed, booked before, `busy` (another run) or refused. */
  @InjectManager()
  async claimAssignmentBookings(ids: string[], claim: string, staleBefore: Date, @MedusaContext() sharedContext: Shared = {}): Promise<BookingClaimLine[]> {
    return await this.claims_.claimAssignmentBookings(ids, claim, staleBefore, sharedContext)
  }

  /** Runs a batch's captures while its run's claims hold the assignments, their rows locked; `held`: the lines still this run's. */
  @InjectManager()
  async captureUnderBookingClaims<T>(ids: string[], claim: string, capture: (held: string[]) => Promise<T>, @MedusaContext() sharedContext: Shared = {}): Promise<T> {
    return await this.claims_.captureUnderBookingClaims(ids, claim, capture, sharedContext)
  }

  /** Records a batch's bookings and gives its other claimed lines back (releases alone: no bookings) with the transactions' amounts, statuses and audit events, in one transaction. */
  @InjectManager()
  async recordAssignmentBookings(claim: string, actorId: string | null, bookings: AssignmentBooking[], releases: BookingRelease[], @MedusaContext() sharedContext: Shared = {}): Promise<RecordedBookings> {
    return await this.claims_.recordAssignmentBookings(claim, actorId, bookings, releases, sharedContext)
  }

  @InjectManager()
  async undoAssignmentBookings(previous: BookedAssignmentBefore[], transactionIds: string[], eventIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    await this.claims_.undoAssignmentBookings(previous, transactionIds, eventIds, sharedContext)
  }

  /** Removes audit events a compensated step wrote (the step's work is undone, so is its record). */
  @InjectManager()
  async deletePaymentEventsById(ids: string[], @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    return await this.ledger_.deletePaymentEventsById(ids, sharedContext)
  }

  /** Marks a transaction as not for this shop (reason given) or, with `null`, undoes that. */
  @InjectManager()
  async setTransactionIgnored(transactionId: string, reason: string | null, actorId: string | null = null, @MedusaContext() sharedContext: Shared = {}): Promise<Required<IgnoreState>> {
    return await this.ledger_.setTransactionIgnored(transactionId, reason, actorId, sharedContext)
  }

  /** Puts a transaction's status and ignore reason back (compensation of setTransactionIgnored). */
  @InjectManager()
  async restoreTransactionIgnore(transactionId: string, previous: IgnoreState, @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    return await this.ledger_.restoreTransactionIgnore(transactionId, previous, sharedContext)
  }

  /** Takes up to `limit` payments that need matching and nobody else is matching (lease of `leaseSeconds`). */
  @InjectManager()
  async claimTransactionsToMatch(limit: number, leaseSeconds: number, @MedusaContext() sharedContext: Shared = {}): Promise<string[]> {
    return await workClaims.claimTransactionsToMatch(sharedContext.manager!, limit, leaseSeconds)
  }

  /** Hands payments back unclaimed; `needsMatching` false once auto-assign has seen them, true to match them again. */
  @InjectManager()
  async releaseTransactionsToMatch(ids: string[], needsMatching: boolean, @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    await workClaims.releaseTransactionsToMatch(sharedContext.manager!, ids, needsMatching)
  }

  /** Per order, the confirmed but not yet booked assignment total, as a decimal string. */
  @InjectManager()
  async sumConfirmedByOrder(orderIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<Record<string, string>> {
    return await totals.sumConfirmedByOrder(sharedContext.manager!, orderIds)
  }

  @InjectManager()
  async listKnownCounterpartIbans(customerIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<{ customer_id: string; counterpart_iban: string }[]> {
    return customerIds.length ? await learnedPayerStore.knownIbans(sharedContext.manager!, customerIds) : []
  }

  /** Payer names the operator's assignments taught (aliases the engine matches like names). */
  @InjectManager()
  async listPayerAliases(customerIds: string[], @MedusaContext() sharedContext: Shared = {}): Promise<{ customer_id: string; value: string }[]> {
    return customerIds.length ? await learnedPayerStore.payerAliases(sharedContext.manager!, customerIds) : []
  }

  /** Everything learned about one customer's payers, for the admin. */
  @InjectManager()
  async listCustomerLearnedPayers(customerId: string, @MedusaContext() sharedContext: Shared = {}): Promise<learnedPayerStore.LearnedPayerRow[]> {
    return await learnedPayerStore.customerLearnedPayers(sharedContext.manager!, customerId)
  }

  /** Records what an assignment taught; returns the ids of new rows (already known ones are skipped). */
  @InjectManager()
  async learnPayers(lessons: PayerLesson[], @MedusaContext() sharedContext: Shared = {}): Promise<string[]> {
    return await this.payers_.apply((manager) => learnedPayerStore.insertLessons(manager, lessons), sharedContext)
  }

  @InjectManager()
  async unlearnPayers(ids: string[], @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    await this.payers_.apply((manager) => learnedPayerStore.deleteLessons(manager, ids), sharedContext)
  }

  /** Forgets a customer's payer IBAN or name; returns what `restoreForgottenPayer` needs to undo it. */
  @InjectManager()
  async forgetPayer(customerId: string, kind: PayerKind, value: string, @MedusaContext() sharedContext: Shared = {}): Promise<ForgottenPayer> {
    const normalized = normalizeLearned(kind, value)
    return await this.payers_.apply((manager) => learnedPayerStore.forget(manager, customerId, kind, normalized), sharedContext)
  }

  @InjectManager()
  async restoreForgottenPayer(undo: ForgottenPayer, @MedusaContext() sharedContext: Shared = {}): Promise<void> {
    await this.payers_.apply((manager) => learnedPayerStore.unforget(manager, undo), sharedContext)
  }
}

export default BankReconciliationModuleService
