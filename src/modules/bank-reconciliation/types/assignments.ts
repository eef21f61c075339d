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
  /**
   * The import hand-off has matched the payment (it holds its claim): a bulk write clears its need for
   * matching and the claim in the same row update as its status (one row version instead of two; the
   * hand-off's mark step then skips it).
   */
  matched?: boolean
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

/** What claiming one assignment of a batch found: claimed (`resumed`: taken over from a run that died), booked before, another run's live claim, or refused with why. */
export type BookingClaimLine =
  | { id: string; outcome: "claimed"; resumed: boolean; assignment: ClaimedAssignment }
  | { id: string; outcome: "booked"; assignment: ClaimedAssignment }
  | { id: string; outcome: "busy" }
  | { id: string; outcome: "refused"; reason: string }

export type AssignmentBooking = {
  id: string
  payment_collection_id: string
  payment_id: string
  capture_id: string | null
  /** set when less than assigned was captured (overpayment) */
  amount?: string
  metadata: Record<string, unknown>
}

/** A claimed line whose booking did not happen: its claim is given back (kept, stale at once, when `captured`: the next run records it). */
export type BookingRelease = { id: string; captured: boolean; reason: string | null }

/** An assignment as recording its booking changed it: what undoing the record puts back (amount as exact text). */
export type BookedAssignmentBefore = Pick<ClaimedAssignment, "id" | "amount" | "booked_at" | "booking_error" | "payment_collection_id" | "payment_id" | "capture_id" | "metadata">

/** What recording a batch did: the lines booked (with their audit events) and those whose claim this run no longer held. */
export type RecordedBookings = { booked: { id: string; transaction_id: string; event_id: string }[]; lost: string[] }

export type ForgottenPayer = { deleted: string[]; created: string[] }
