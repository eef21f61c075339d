import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The orders that still owe money, found by index: a partial index on Medusa's `order_summary` over
 * the summaries whose pending amount is above zero (about a tenth of a shop's orders). Matching,
 * placed orders and the open-order search read only those (open-order-rows.ts, SUMMARY_PENDING_SQL:
 * same expression). Medusa has no index that finds them; the plugin's own tables cannot, because the
 * amount lives in Medusa's summary. The predicate cannot fail (non-numeric text is left out, never
 * cast) and the index is only created where the order module's table exists; it is dropped with the
 * plugin's migrations.
 */
export class Migration20261129170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`DO $$ BEGIN
  IF to_regclass('public.order_summary') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "IDX_finapi_order_summary_owing" ON "order_summary" ("order_id", "version")
      WHERE deleted_at IS NULL AND (case when coalesce(totals -> 'raw_pending_difference' ->> 'value', totals ->> 'pending_difference') ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}([eE][-+]{0,1}[0-9]+){0,1}$' then coalesce(totals -> 'raw_pending_difference' ->> 'value', totals ->> 'pending_difference')::numeric end) > 0;
  END IF;
END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_finapi_order_summary_owing";`);
  }

}
