import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * Recomputes `assigned_amount` (confirmed + booked), `booked_amount` and the status of
 * transactions from their assignments; an ignored transaction stays ignored. Those of `matchedIds` (a
 * subset) also lose their need for matching and their claim (see AssignmentChange.matched).
 */
export async function refreshTransactionStatuses(transactionManager: EntityManager, transactionIds: string[], matchedIds: string[] = []): Promise<void> {
  if (!transactionIds.length) {
    return
  }
  await transactionManager.execute(
    `update bank_transaction t set assigned_amount = s.assigned,
       raw_assigned_amount = jsonb_build_object('value', s.assigned::text, 'precision', 20),
       booked_amount = s.booked,
       raw_booked_amount = jsonb_build_object('value', s.booked::text, 'precision', 20),
       status = case
         when t.status = 'ignored' then 'ignored'
         when s.booked > 0 and s.booked >= t.amount then 'booked'
         when s.booked > 0 then 'partially_booked'
         when s.assigned > 0 then 'assigned'
         when s.proposed > 0 then 'proposed'
         else 'unassigned' end,
       ${matchedIds.length ? "needs_matching = case when t.id in (?) then false else t.needs_matching end, matching_claimed_at = case when t.id in (?) then null else t.matching_claimed_at end," : ""}
       updated_at = now()
     from (select t2.id,
             coalesce(sum(a.amount) filter (where a.status in ('confirmed', 'booking', 'booked')), 0) as assigned,
             coalesce(sum(a.amount) filter (where a.status = 'booked'), 0) as booked,
             count(a.id) filter (where a.status = 'proposed') as proposed
           from bank_transaction t2
           left join payment_assignment a on a.transaction_id = t2.id and a.deleted_at is null
           where t2.id in (?) group by t2.id) s
     where t.id = s.id`,
    matchedIds.length ? [matchedIds, matchedIds, transactionIds] : [transactionIds]
  )
}
