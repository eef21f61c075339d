import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { jsonChunks } from "../json-chunks"
import { IMPORTED_TRANSACTION_COLUMNS, type ImportedTransactionInsert, type StoredTransaction } from "../types"
import type { Knex } from "./locked-sql"

/** Characters of one JSON parameter of an insert: below V8's large-object size (128 KiB) even as two-byte text. */
const INSERT_CHUNK_CHARS = 60_000

type Column = keyof typeof IMPORTED_TRANSACTION_COLUMNS
const COLUMNS = Object.keys(IMPORTED_TRANSACTION_COLUMNS) as Column[]

/** What the insert stores for an input column `r.<column>` when it is not stored as is. */
const STORED_AS: Partial<Record<Column, string>> = {
  amount: `r.amount::numeric,
         jsonb_build_object('value', r.amount, 'precision', 20)`,
  is_potential_duplicate: `r.is_potential_duplicate or o.id is not null`,
  duplicate_of_id: `coalesce(o.id, r.duplicate_of_id)`,
  source: `coalesce(r.source, 'finapi')`,
  // a file brings its own "<fingerprint>#<n>"; a finAPI payment claims "#1" unless it is held
  dedupe_key: `case when r.dedupe_key is not null then r.dedupe_key
              when r.is_potential_duplicate or o.id is not null then null
              else r.fingerprint || '#1' end`,
}
const RECORD_TYPE = COLUMNS.map((column) => `${column} ${IMPORTED_TRANSACTION_COLUMNS[column]}`).join(", ")
const TARGET_COLUMNS = COLUMNS.flatMap((column) => (column === "amount" ? ["amount", "raw_amount"] : [column])).join(", ")
const STORED_VALUES = COLUMNS.map((column) => STORED_AS[column] ?? `r.${column}`).join(", ")

/**
 * Inserts imported bank transactions in one statement. A row whose (account, finAPI id) is already
 * stored is skipped by the unique index, so concurrent or repeated imports store each exactly once.
 * A row with the content fingerprint of a stored payment (not itself a suspect) is flagged as its
 * potential duplicate; a row whose payment another source stored first is skipped by the
 * (account, dedupe key) index. Returns the rows actually inserted. Inside a database transaction of
 * the caller (sharedContext.transactionManager) the rows join it.
 */
export async function insertImportedTransactions(
  rows: ImportedTransactionInsert[],
  sharedContext: Context<EntityManager>
): Promise<StoredTransaction[]> {
  if (!rows.length) {
    return []
  }
  // The rows arrive as several JSON parameters of at most INSERT_CHUNK_CHARS each rather than one:
  // one parameter for a whole page would be a string of > 0.5 MB, which V8 allocates straight into
  // its old generation; a few hundred pages of them let the heap grow by as much before it is collected.
  const chunks = [...jsonChunks(rows, INSERT_CHUNK_CHARS)]
  const statement = `with input as (
       select r.* from (values ${chunks.map(() => "(cast(? as jsonb))").join(", ")}) as c(rows)
       cross join lateral jsonb_to_recordset(c.rows) as r(${RECORD_TYPE})
     )
     insert into bank_transaction (${TARGET_COLUMNS})
     select ${STORED_VALUES}
     from input r
     -- finAPI re-deliveries (same content, new finAPI id) are held; a payment another source stored
     -- first is left out by the dedupe key instead. One index probe per row: a join over the whole
     -- table would be planned as a scan while the table's statistics still say "empty", which is
     -- exactly the case during a first large import
     left join lateral (
       select t.id from bank_transaction t
        where r.dedupe_key is null and t.fingerprint = r.fingerprint and t.source = 'finapi'
          and t.deleted_at is null and not t.is_potential_duplicate
        order by t.created_at, t.id limit 1
     ) o on true
     -- no conflict target: both the (account, finAPI id) and the (account, dedupe key) key leave a known payment out
     on conflict do nothing
     returning id, is_potential_duplicate`
  // knex with bound parameters: MikroORM's execute() would inline (and escape) the whole JSON into the SQL.
  // Asynchronous commit is safe here: a crash can only lose the newest commits, and the import cursor
  // is committed after the pages it covers, so lost pages are read again by the next run.
  const insert = async (knex: Knex) => {
    await knex.raw("set local synchronous_commit = off")
    return (await knex.raw(statement, chunks)).rows
  }
  // inside insertStatementTransactions the rows join its transaction
  const manager = (sharedContext.transactionManager ?? sharedContext.manager)!
  const outer = manager.getTransactionContext() as Knex | undefined
  return outer ? insert(outer) : manager.getKnex().transaction((transaction) => insert(transaction))
}

/** Stores a statement file's pages one after the other through the same insert, in the caller's transaction. */
export async function insertStatementPages(pages: ImportedTransactionInsert[][], sharedContext: Context<EntityManager>): Promise<StoredTransaction[]> {
  const stored: StoredTransaction[] = []
  for (const page of pages) {
    stored.push(...(await insertImportedTransactions(page, sharedContext)))
  }
  return stored
}

/**
 * Removes what an import run stored and nobody has touched yet (still unassigned, no assignment):
 * the compensation of an import whose workflow failed later. Returns how many rows went.
 */
export async function deleteUntouchedTransactionsOfRun(manager: EntityManager, syncRunId: string): Promise<number> {
  const result = await manager.execute(
    `delete from bank_transaction t where t.sync_run_id = ? and t.status = 'unassigned'
       and not exists (select 1 from payment_assignment a where a.transaction_id = t.id)`,
    [syncRunId]
  )
  return (result as unknown as { affectedRows?: number }).affectedRows ?? 0
}
