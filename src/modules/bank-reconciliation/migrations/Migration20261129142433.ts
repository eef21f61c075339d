import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129142433 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "learned_payer" ("id" text not null, "customer_id" text not null, "kind" text check ("kind" in ('iban', 'name')) not null, "value" text not null, "normalized" text not null, "learned_from" text check ("learned_from" in ('manual', 'confirmed', 'booked')) not null, "transaction_id" text null, "created_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "learned_payer_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_learned_payer_deleted_at" ON "learned_payer" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_learned_payer_customer_id" ON "learned_payer" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_learned_payer_unique_live" ON "learned_payer" ("customer_id", "kind", "normalized") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "learned_payer" cascade;`);
  }

}
