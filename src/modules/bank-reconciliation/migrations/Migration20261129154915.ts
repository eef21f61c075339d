import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129154915 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transaction" add column if not exists "needs_matching" boolean not null default true, add column if not exists "matching_claimed_at" timestamptz null;`);
    // payments stored before the hand-off was persisted: only the open ones can still change by matching
    this.addSql(`update "bank_transaction" set "needs_matching" = false where "status" not in ('unassigned', 'proposed') or "is_potential_duplicate";`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_needs_matching" ON "bank_transaction" ("id") WHERE needs_matching = true AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_sync_run_id" ON "bank_transaction" ("sync_run_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_open_amount" ON "bank_transaction" ("amount") WHERE status IN ('unassigned', 'proposed') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_bank_transaction_needs_matching";`);
    this.addSql(`drop index if exists "IDX_bank_transaction_sync_run_id";`);
    this.addSql(`drop index if exists "IDX_bank_transaction_open_amount";`);
    this.addSql(`alter table if exists "bank_transaction" drop column if exists "needs_matching", drop column if exists "matching_claimed_at";`);
  }

}
