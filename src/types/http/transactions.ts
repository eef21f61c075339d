// Bodies of the incoming-payments routes (/admin/bank-reconciliation/transactions, sync-runs,
// assignments, auto-assign, open-orders, statements), as the routes send them and the admin reads
// them. Types only, no imports: the admin imports them with `import type`.

export type BankTransactionStatus = "unassigned" | "proposed" | "assigned" | "partially_booked" | "booked" | "ignored"

export type AssignmentStatus = "proposed" | "confirmed" | "booking" | "booked" | "rejected"

/** A reason as the matching engine stores it in an assignment's evidence (contracts/matching.md plus code and params). */
export type EvidenceReason = {
  signal: string
  detail: string
  code?: string
  params?: Record<string, unknown>
  more?: { code: string; params: Record<string, unknown> }[]
}

export type AssignmentEvidence = {
  decision: "auto" | "suggest" | "none"
  reasons: EvidenceReason[]
  alternatives: { allocations: { orderId: string; amount: string }[]; confidence: number }[]
}

export type PaymentAssignment = {
  id: string
  order_id: string
  amount: number
  status: AssignmentStatus
  source: "auto" | "manual"
  confidence: number | null
  evidence: AssignmentEvidence | null
  order?: { display_id: number | null } | null
  customer?: { first_name: string | null; last_name: string | null; company_name: string | null } | null
}

/** A row of GET transactions. */
export type BankTransaction = {
  id: string
  account_id: string
  amount: number
  currency_code: string
  booking_date: string
  purpose: string | null
  counterpart_name: string | null
  counterpart_iban: string | null
  end_to_end_reference: string | null
  is_potential_duplicate: boolean
  status: BankTransactionStatus
  account: { name: string | null; iban: string | null } | null
  assignments?: PaymentAssignment[]
}

/** GET transactions/:id/assignments. */
export type TransactionAssignments = {
  transaction: { id: string; amount: number; currency_code: string; status: string; assigned_amount: number; ignore_reason: string | null }
  assignments: PaymentAssignment[]
}

export type SyncRunStatus = "running" | "succeeded" | "partially_failed" | "failed" | "skipped"

/** Why an import left an account out, as a code the admin translates. */
export type SyncRunSkipCode = "file_only" | "import_disabled" | "not_linked" | "interface_not_connected" | "needs_user_action" | "bank_login_required" | "busy"

/** Why an import of an account (or a whole run) failed, as a code the admin translates. */
export type SyncRunErrorCode = "update_failed" | "still_updating" | "import_failed" | "interrupted" | "rolled_back"

/** A row of GET sync-runs (an import, from finAPI or a statement file). */
export type SyncRun = {
  id: string
  account_id: string | null
  trigger: "job" | "operator" | "webhook" | "cli"
  source?: "finapi" | "file"
  file_name?: string | null
  left_out?: Record<string, number> | null
  status: SyncRunStatus
  window_from: string | null
  window_to: string | null
  fetched_count: number
  imported_count: number
  duplicate_count: number
  filtered_count: number
  /** code and detail for a translated message; message in English (runs recorded before the codes have none) */
  errors: { account_id?: string; code?: SyncRunErrorCode; detail?: string; message: string }[] | null
  skipped: { account_id: string; reason: string; code?: SyncRunSkipCode; message: string }[] | null
  started_at: string
  finished_at: string | null
  duration_ms: number | null
}

/** POST auto-assign: what "Assign automatically" did. */
export type AutoAssignSummary = { considered: number; auto: number; suggested: number; unmatched: number; changed: number }

/** A row of GET open-orders/search: an order that may still owe money (what the matching engine knows of it; unknown fields left out). */
export type OpenOrder = {
  order_id: string
  display_id?: number | null
  invoice_number?: string | null
  payment_reference?: string | null
  customer_id?: string | null
  customer_name?: string | null
  company_name?: string | null
  email?: string | null
  known_ibans?: string[] | null
  currency_code: string
  total?: string | null
  outstanding: string
  created_at?: string | null
}

/** A row of GET customers/search. */
export type CustomerHit = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null }

/** One file's outcome in POST statements: imported (counts, what was left out, warnings) or not (error). */
export type StatementFileResult = {
  file_name: string
  sync_run_id?: string
  counts?: { fetched: number; imported: number; known: number; filtered: number; held: number }
  left_out?: Partial<Record<"debit" | "reversal" | "not_booked", number>>
  /** Read anyway, naming the place: balances that do not add up, a batch read as one payment. */
  warnings?: string[]
  /** The warnings as codes with params (file, place, …), one per warning in the same order; the admin translates them. */
  warning_codes?: { code: string; params: Record<string, string | number> }[]
  /** Why nothing of the file was imported: names the file and the place. */
  error?: string
  /** The error as a stable code with its params (file, place, …), which the admin translates; `error` stays English. */
  error_code?: string
  error_params?: Record<string, string | number>
}

export type PaymentEventKind = "imported" | "suggested" | "assigned" | "confirmed" | "amount_changed" | "rejected" | "removed" | "ignored" | "unignored" | "booked"

/** An entry of GET transactions/:id/events, a payment's audit trail. */
export type PaymentTrailEntry = {
  id: string
  kind: PaymentEventKind
  at: string
  actor_type: "engine" | "user" | "import"
  actor: string | null
  order_id: string | null
  order_display_id: number | null
  amount: string | null
  confidence: number | null
  details: { sync_run_id?: string; trigger?: string; capture_id?: string | null; reason?: string } | null
}
