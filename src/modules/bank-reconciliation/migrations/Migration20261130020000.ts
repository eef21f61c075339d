import { Migration } from "@medusajs/framework/mikro-orm/migrations";

// What a summary says is still to pay, and its total, as numbers where the stored text is one (never
// a cast error): SUMMARY_PENDING_SQL and SUMMARY_TOTAL_SQL in workflows/matching/open-order-rows.ts.
const guarded = (name: string, totals = "totals") =>
  `(case when coalesce(${totals} -> 'raw_${name}' ->> 'value', ${totals} ->> '${name}') ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}([eE][-+]{0,1}[0-9]+){0,1}$' then coalesce(${totals} -> 'raw_${name}' ->> 'value', ${totals} ->> '${name}')::numeric end)`
const OWING = `deleted_at IS NULL AND ${guarded("pending_difference")} > 0`

/**
 * The open-order search by index, so its cost follows what it finds, not the shop's size:
 * - text: a trigram index on the projection's text (`like '%…%'`), where the database can have
 *   pg_trgm (a trusted extension; without it the text is scanned); `fastupdate` off, or every search
 *   reads the index's whole pending list; the orders without a stored reference (always candidates)
 *   by their own small index, the one with the searched number by its number;
 * - amount: the owing summaries by what they owe and by their total (Medusa's `order_summary`, partial
 *   indexes on the owing ones, like IDX_finapi_order_summary_owing); orders with confirmed
 *   assignments by what they owe after them, from `open_order_owed`: `pending` (the summary's,
 *   written with the search text) minus `assigned` (the sum of the order's confirmed assignments,
 *   kept by triggers on `payment_assignment` in the same transaction as every assignment change).
 *   A table of its own, so that those frequent writes do not touch the text's trigram index;
 * - recently placed orders without a row yet: by Medusa's order creation time (older ones get their
 *   row from the minute job).
 * The indexes on Medusa's tables are only created where the order module's tables exist.
 */
export class Migration20261130020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "open_order_owed" ("order_id" text not null, "pending" numeric null, "assigned" numeric not null default 0, "updated_at" timestamptz not null default now(), constraint "open_order_owed_pkey" primary key ("order_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_open_order_owed_after_assigned" ON "open_order_owed" (("pending" - "assigned")) WHERE "assigned" > 0;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_open_order_search_inexact" ON "open_order_search" ("order_id") WHERE "exact" = false;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_open_order_search_display_id" ON "open_order_search" ("display_id");`);
    this.addSql(`DO $$ BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS "IDX_open_order_search_text_trgm" ON "open_order_search" USING gin ("text" gin_trgm_ops) WITH (fastupdate = off);
EXCEPTION WHEN others THEN
  RAISE NOTICE 'open-order search without a trigram index (pg_trgm: %)', SQLERRM;
END $$;`);
    this.addSql(`DO $$ BEGIN
  IF to_regclass('public.order_summary') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "IDX_finapi_order_summary_owing_pending" ON "order_summary" ((${guarded("pending_difference")})) WHERE ${OWING};
    CREATE INDEX IF NOT EXISTS "IDX_finapi_order_summary_owing_total" ON "order_summary" ((${guarded("current_order_total")})) WHERE ${OWING};
  END IF;
  IF to_regclass('public.order') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "IDX_finapi_order_created_at" ON "order" ("created_at") WHERE deleted_at IS NULL;
  END IF;
  IF to_regclass('public.order') IS NOT NULL AND to_regclass('public.order_summary') IS NOT NULL THEN
    -- the orders the search already has a row for, at once (the minute job writes the rest)
    INSERT INTO open_order_owed (order_id, pending, assigned)
    SELECT o.id, ${guarded("pending_difference", "s.totals")},
           coalesce((SELECT sum(a.amount) FROM payment_assignment a WHERE a.order_id = o.id AND a.status = 'confirmed' AND a.deleted_at IS NULL), 0)
      FROM open_order_search p
      JOIN "order" o ON o.id = p.order_id
      JOIN order_summary s ON s.order_id = o.id AND s.version = o.version AND s.deleted_at IS NULL
    ON CONFLICT (order_id) DO NOTHING;
  END IF;
END $$;`);
    this.addSql(`CREATE OR REPLACE FUNCTION finapi_open_order_owed_assigned() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT order_id) INTO ids FROM finapi_new WHERE status = 'confirmed';
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT order_id) INTO ids FROM finapi_old WHERE status = 'confirmed';
  ELSE
    SELECT array_agg(DISTINCT order_id) INTO ids FROM (
      SELECT order_id FROM finapi_new WHERE status = 'confirmed' UNION ALL SELECT order_id FROM finapi_old WHERE status = 'confirmed') c;
  END IF;
  IF ids IS NOT NULL THEN
    -- one order of locks for every writer of these rows (the projection's refresh writes in order too)
    PERFORM 1 FROM open_order_owed WHERE order_id = ANY(ids) ORDER BY order_id FOR UPDATE;
    UPDATE open_order_owed p SET assigned = t.assigned, updated_at = now()
      FROM (SELECT i.order_id, coalesce(sum(a.amount), 0) AS assigned FROM unnest(ids) i(order_id)
              LEFT JOIN payment_assignment a ON a.order_id = i.order_id AND a.status = 'confirmed' AND a.deleted_at IS NULL
             GROUP BY i.order_id) t
     WHERE p.order_id = t.order_id AND p.assigned IS DISTINCT FROM t.assigned;
  END IF;
  RETURN NULL;
END $$;`);
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_insert ON payment_assignment;`);
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_update ON payment_assignment;`);
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_delete ON payment_assignment;`);
    this.addSql(`CREATE TRIGGER finapi_open_order_owed_assigned_insert AFTER INSERT ON payment_assignment REFERENCING NEW TABLE AS finapi_new FOR EACH STATEMENT EXECUTE FUNCTION finapi_open_order_owed_assigned();`);
    this.addSql(`CREATE TRIGGER finapi_open_order_owed_assigned_update AFTER UPDATE ON payment_assignment REFERENCING OLD TABLE AS finapi_old NEW TABLE AS finapi_new FOR EACH STATEMENT EXECUTE FUNCTION finapi_open_order_owed_assigned();`);
    this.addSql(`CREATE TRIGGER finapi_open_order_owed_assigned_delete AFTER DELETE ON payment_assignment REFERENCING OLD TABLE AS finapi_old FOR EACH STATEMENT EXECUTE FUNCTION finapi_open_order_owed_assigned();`);
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_insert ON payment_assignment;`);
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_update ON payment_assignment;`);
    this.addSql(`DROP TRIGGER IF EXISTS finapi_open_order_owed_assigned_delete ON payment_assignment;`);
    this.addSql(`DROP FUNCTION IF EXISTS finapi_open_order_owed_assigned();`);
    this.addSql(`drop index if exists "IDX_finapi_order_summary_owing_pending";`);
    this.addSql(`drop index if exists "IDX_finapi_order_summary_owing_total";`);
    this.addSql(`drop index if exists "IDX_finapi_order_created_at";`);
    this.addSql(`drop index if exists "IDX_open_order_search_text_trgm";`);
    this.addSql(`drop index if exists "IDX_open_order_search_inexact";`);
    this.addSql(`drop index if exists "IDX_open_order_search_display_id";`);
    this.addSql(`drop table if exists "open_order_owed";`);
  }

}
