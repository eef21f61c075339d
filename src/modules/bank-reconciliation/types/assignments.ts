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

/** An assignment row as it was before a change touched it (what revertAssignmentChanges puts back). */
export type AssignmentSnapshot = {
  id: string
  order_id: string
  amount: string
  status: string
  confirmed_at: Date | null
  confirmed_by: string | null
  deleted_at: Date | null
}

export type AppliedAssignmentChange = { transaction_id: string; created_ids: string[]; previous: AssignmentSnapshot[]; event_ids: string[] }

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

/** What claiming an assignment for booking found: the claim, the booking done, or another run's live claim. */
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

export type ForgottenPayer = { deleted: string[]; created: string[] }
