import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Overview } from "../../../../types/http"

/** Days of the incoming-vs-matched chart. */
export const CHART_DAYS = 14

/**
 * The figures of the incoming-payments header, each one aggregate query: money waiting for
 * matching, the share matched automatically in the last 30 days, what waits for booking, the next
 * consent expiry per connection, the last import, and incoming vs matched payments per booking day.
 */
export async function loadOverview(knex: Knex): Promise<Overview> {
  const [open, share, toBook, consents, lastRun, days] = await Promise.all([
    knex.raw(
      `select currency_code, (sum(amount - coalesce(assigned_amount, 0)))::text as amount, count(*)::int as count
         from bank_transaction where deleted_at is null and status in ('unassigned', 'proposed') and not is_potential_duplicate
        group by currency_code order by currency_code`
    ),
    knex.raw(
      `select count(*) filter (where exists (select 1 from payment_assignment a where a.transaction_id = t.id and a.deleted_at is null
                 and a.source = 'auto' and a.status in ('confirmed', 'booked')))::int as auto,
              count(*)::int as total
         from bank_transaction t where t.deleted_at is null and t.status <> 'ignored' and t.created_at >= now() - interval '30 days'`
    ),
    knex.raw(
      `select currency_code, sum(amount)::text as amount, count(*)::int as count from payment_assignment
        where deleted_at is null and status = 'confirmed' group by currency_code order by currency_code`
    ),
    knex.raw(
      `select id, label, bank_name, status, consent_expires_at from bank_connection
        where deleted_at is null and status not in ('disconnected', 'pending') order by consent_expires_at asc nulls last limit 10`
    ),
    knex.raw(
      `select id, status, trigger, started_at, imported_count, duplicate_count, fetched_count from sync_run
        where deleted_at is null order by started_at desc limit 1`
    ),
    knex.raw(
      `with recent as (
         select booking_date::date as day, status from bank_transaction
          where deleted_at is null and booking_date >= current_date - ${CHART_DAYS - 1})
       select to_char(d.day, 'YYYY-MM-DD') as day,
              count(recent.day)::int as incoming,
              count(recent.day) filter (where recent.status in ('assigned', 'partially_booked', 'booked'))::int as matched
         from generate_series(current_date - ${CHART_DAYS - 1}, current_date, interval '1 day') as d(day)
         left join recent on recent.day = d.day::date
        group by d.day order by d.day`
    ),
  ])
  return {
    open: open.rows,
    auto_share_30d: share.rows[0],
    to_book: toBook.rows,
    consents: consents.rows,
    last_run: lastRun.rows[0] ?? null,
    days: days.rows,
  }
}
