import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"

/**
 * Records that a step of the prepayment loop happened to an order, once per (order, key): returns
 * the new record's id, or null when it was recorded before (by this or another instance).
 */
export async function claimOrderNotice(manager: EntityManager, notice: { order_id: string; kind: string; key: string; template: string | null; data: Record<string, unknown>; happened_at: Date }): Promise<string | null> {
  const rows: { id: string }[] = await manager.execute(
    `insert into order_notice (id, order_id, kind, key, template, data, happened_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?::jsonb, ?, now(), now())
     on conflict (order_id, key) where deleted_at is null do nothing returning id`,
    [generateEntityId(undefined, "onot"), notice.order_id, notice.kind, notice.key, notice.template, JSON.stringify(notice.data), notice.happened_at]
  )
  return rows[0]?.id ?? null
}

/**
 * Records finAPI's NEW_TRANSACTIONS push for an account; while one is waiting, replays change
 * nothing. Returns whether this call recorded it.
 */
export async function recordAccountNotification(manager: EntityManager, accountId: string): Promise<boolean> {
  const rows = await manager.execute(
    `update bank_account set notified_at = now() where id = ? and notified_at is null and deleted_at is null returning id`,
    [accountId]
  )
  return rows.length > 0
}

/**
 * Takes the accounts with a waiting push and clears them in one statement, so each notification
 * window is imported by one worker only (a second instance skips rows the first has locked).
 */
export async function claimNotifiedAccounts(manager: EntityManager): Promise<string[]> {
  const rows = await manager.execute(
    `update bank_account set notified_at = null
      where id in (select id from bank_account where notified_at is not null and deleted_at is null for update skip locked)
      returning id`
  )
  return rows.map((row: { id: string }) => row.id)
}

/**
 * Takes up to `limit` payments that still need matching and nobody else is matching (no claim, or
 * one older than `leaseSeconds`: its worker died), oldest id first. Two workers never get the same
 * payment while a lease runs (`for update skip locked`).
 */
export async function claimTransactionsToMatch(manager: EntityManager, limit: number, leaseSeconds: number): Promise<string[]> {
  const rows: { id: string }[] = await manager.execute(
    `update bank_transaction set matching_claimed_at = now()
      where id in (
        select id from bank_transaction
         where needs_matching = true and deleted_at is null
           and (matching_claimed_at is null or matching_claimed_at < now() - make_interval(secs => ?))
         order by id limit ? for update skip locked)
      returning id`,
    [leaseSeconds, limit]
  )
  return rows.map((row) => row.id).sort()
}

/**
 * Hands payments back unclaimed; `needsMatching` false once auto-assign has seen them, true to match
 * them again. Rows already so (the bulk write of their assignments cleared them) are not written again.
 */
export async function releaseTransactionsToMatch(manager: EntityManager, ids: string[], needsMatching: boolean): Promise<void> {
  if (!ids.length) {
    return
  }
  await manager.execute(
    `update bank_transaction set matching_claimed_at = null, needs_matching = ?
      where id in (?) and (needs_matching is distinct from ? or matching_claimed_at is not null)`,
    [needsMatching, ids, needsMatching]
  )
}
