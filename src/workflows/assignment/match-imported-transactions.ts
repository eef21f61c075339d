import type { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { autoAssignTransactionsWorkflow } from "./auto-assign-transactions"
import { claimTransactionsToMatchStep } from "../steps/claim-transactions-to-match"
import { markTransactionsMatchedStep } from "../steps/mark-transactions-matched"
import { endMatchingRun, startMatchingRun } from "../matching/open-items-snapshot"

export const matchImportedTransactionsWorkflowId = "match-imported-transactions"

/** Payments per auto-assign run: each run reads the open orders once; a bounded batch bounds memory. */
export const MATCHING_BATCH = 1_000

/** How long a worker's claim on a batch holds before another worker may take the batch over. */
export const MATCHING_LEASE_SECONDS = 120

export type MatchImportedTransactionsInput = {
  limit?: number
  /** A matching run of this process whose batches share their open items (see open-items-snapshot.ts). */
  run_id?: string
}

/**
 * One batch of the durable hand-off from import to matching: claims up to `limit` payments that
 * still need matching, runs auto-assign over them and then marks them matched. A failure or a crash
 * leaves them needing matching (at least once; auto-assign is idempotent).
 */
export const matchImportedTransactionsWorkflow = createWorkflow(
  matchImportedTransactionsWorkflowId,
  function (input: MatchImportedTransactionsInput) {
    const claimed = claimTransactionsToMatchStep(
      transform({ input }, ({ input }) => ({ limit: input.limit ?? MATCHING_BATCH, lease_seconds: MATCHING_LEASE_SECONDS }))
    )
    const summary = when("payments-were-claimed", { claimed }, ({ claimed }) => claimed.ids.length > 0).then(() => {
      const result = autoAssignTransactionsWorkflow.runAsStep({
        input: transform({ claimed, input }, ({ claimed, input }) => ({ transaction_ids: claimed.ids, run_id: input.run_id, matched: true })),
      })
      markTransactionsMatchedStep(transform({ claimed }, ({ claimed }) => ({ ids: claimed.ids })))
      return result
    })
    return new WorkflowResponse(
      transform({ claimed, summary }, ({ claimed, summary }) => ({ claimed: claimed.ids.length, auto: summary?.auto ?? 0, suggested: summary?.suggested ?? 0 }))
    )
  }
)

/**
 * Matches every payment that still needs it, one batch after the other (the batches share one
 * snapshot of the open items, kept current); the figures of all batches.
 */
export async function matchPendingTransactions(container: MedusaContainer, limit = MATCHING_BATCH) {
  const total = { batches: 0, claimed: 0, auto: 0, suggested: 0 }
  const runId = startMatchingRun()
  try {
    for (;;) {
      const { result } = await matchImportedTransactionsWorkflow(container).run({ input: { limit, run_id: runId } })
      if (!result.claimed) {
        return total
      }
      total.batches++
      total.claimed += result.claimed
      total.auto += result.auto
      total.suggested += result.suggested
    }
  } finally {
    endMatchingRun(runId)
  }
}
