import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129135630 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_event" ("id" text not null, "transaction_id" text not null, "kind" text check ("kind" in ('suggested', 'assigned', 'confirmed', 'amount_changed', 'rejected', 'removed', 'ignored', 'unignored', 'booked')) not null, "actor_type" text check ("actor_type" in ('engine', 'user')) not null, "actor_id" text null, "assignment_id" text null, "order_id" text null, "amount" numeric null, "confidence" real null, "details" jsonb null, "raw_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_event_deleted_at" ON "payment_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_event_transaction_id" ON "payment_event" ("transaction_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_event" cascade;`);
  }

}
