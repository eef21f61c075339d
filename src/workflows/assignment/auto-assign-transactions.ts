import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AUTO_ASSIGN_LOCK_KEY } from "../../lib/lock-keys"
import { autoAssignBatchStep, type AutoAssignBatchResult } from "../steps/auto-assign-batch"
import { holdPaymentsForCancelledOrdersStep } from "../steps/hold-payments-for-cancelled-orders"
import { endMatchingRun, startMatchingRun } from "../matching/open-items-snapshot"

export const autoAssignTransactionsWorkflowId = "auto-assign-transactions"

export type AutoAssignTransactionsInput = {
  /** Only these transactions (still unassigned or proposed); default: every such transaction. */
  transaction_ids?: string[]
  /** A matching run of this process whose open items the batches share (see open-items-snapshot.ts). */
  run_id?: string
  /** Set by the import hand-off, which holds the payments' claims: see AssignmentChange.matched. */
  matched?: boolean
}

/**
 * Matches unassigned and proposed payments (not held back as duplicates) against the open orders:
 * the engine's `auto` decisions are confirmed at once, `suggest` ones wait as proposals with
 * confidence and evidence. Re-running changes nothing unless the answer changed, and never
 * proposes an order an operator rejected for that payment.
 */
export const autoAssignTransactionsWorkflow = createWorkflow(
  autoAssignTransactionsWorkflowId,
  function (input: AutoAssignTransactionsInput) {
    // also when run as a step of the import hand-off or of a placed order (a sub-workflow skips locks by default)
    acquireLockStep({ key: AUTO_ASSIGN_LOCK_KEY, timeout: 120, ttl: 300, executeOnSubWorkflow: true })
    // late payments for cancelled orders wait for the operator (held_reason), never auto-assigned
    holdPaymentsForCancelledOrdersStep(input)
    const result = autoAssignBatchStep(input)
    releaseLockStep({ key: AUTO_ASSIGN_LOCK_KEY, executeOnSubWorkflow: true })
    return new WorkflowResponse(result)
  }
)

/** Payments per run when "Assign automatically" matches everything: each run reads the open orders once. */
export const AUTO_ASSIGN_PAGE = 1_000

export type AutoAssignResult = AutoAssignBatchResult

// The assignable payments' ids in pages, by id; a page's payments may be assigned meanwhile (the run skips those).
async function* assignablePages(pg: Knex): AsyncGenerator<string[]> {
  let after = ""
  for (;;) {
    const { rows } = await pg.raw(
      `select id from bank_transaction
        where status in ('unassigned', 'proposed') and not is_potential_duplicate and deleted_at is null and id > ?
        order by id limit ?`,
      [after, AUTO_ASSIGN_PAGE]
    )
    if (!rows.length) {
      return
    }
    yield rows.map((row: { id: string }) => row.id)
    after = rows[rows.length - 1].id
  }
}

/**
 * Auto-assign over the given payments, or over every assignable one, one page of AUTO_ASSIGN_PAGE
 * after the other (a later page sees what an earlier one assigned: the pages share one snapshot of
 * the open items, kept current, see open-items-snapshot.ts); the pages' results added up.
 */
export async function autoAssignInPages(container: MedusaContainer, transactionIds?: string[]): Promise<AutoAssignResult> {
  const total: AutoAssignResult = { considered: 0, auto: 0, suggested: 0, unmatched: 0, changed: 0, demoted: [], skipped: [], results: [] }
  const pages = transactionIds
    ? Array.from({ length: Math.ceil(transactionIds.length / AUTO_ASSIGN_PAGE) }, (_, i) => transactionIds.slice(i * AUTO_ASSIGN_PAGE, (i + 1) * AUTO_ASSIGN_PAGE))
    : assignablePages(container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION))
  const runId = startMatchingRun()
  try {
    for await (const ids of pages) {
      add(total, await autoAssignPage(container, ids, runId))
    }
  } finally {
    endMatchingRun(runId)
  }
  return total
}

async function autoAssignPage(container: MedusaContainer, ids: string[], runId: string): Promise<AutoAssignResult> {
  const { result } = (await autoAssignTransactionsWorkflow(container).run({ input: { transaction_ids: ids, run_id: runId } })) as { result: AutoAssignResult }
  return result
}

function add(total: AutoAssignResult, result: AutoAssignResult): void {
  total.considered += result.considered
  total.auto += result.auto
  total.suggested += result.suggested
  total.unmatched += result.unmatched
  total.changed += result.changed
  total.demoted.push(...result.demoted)
  total.skipped.push(...result.skipped)
  total.results.push(...result.results)
}
