import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The cancelled orders, found by index: a partial index on Medusa's `order` over the cancelled ones
 * (few). Every auto-assign run looks up which open payments name a cancelled order's reference
 * (hold-payments-for-cancelled-orders.ts) and without it read every order of the shop (0.12 s at
 * 100 000 orders, in each placed order's matching). Medusa has no index on the order status. The
 * predicate cannot fail; the index is only created where the order module's table exists and is
 * dropped with the plugin's migrations.
 */
export class Migration20261129180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`DO $$ BEGIN
  IF to_regclass('public.order') IS NOT NULL THEN
    CREATE INDEX IF NOT EXISTS "IDX_finapi_order_canceled" ON "order" ("id") WHERE status = 'canceled' AND deleted_at IS NULL;
  END IF;
END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_finapi_order_canceled";`);
  }

}
