import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129151637 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "refund_export_item" drop constraint if exists "refund_export_item_transaction_unique";`);
    this.addSql(`alter table if exists "refund_export" drop constraint if exists "refund_export_message_id_unique";`);
    this.addSql(`alter table if exists "order_notice" drop constraint if exists "order_notice_order_key_unique";`);
    this.addSql(`create table if not exists "order_notice" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('payment_received', 'partial_payment_received', 'payment_reminder', 'cancelled_for_non_payment', 'surplus_refunded')) not null, "key" text not null, "template" text null, "notification_id" text null, "data" jsonb null, "happened_at" timestamptz not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "order_notice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_order_notice_deleted_at" ON "order_notice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_notice_order_key_unique" ON "order_notice" ("order_id", "key") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "refund_export" ("id" text not null, "message_id" text not null, "file_name" text not null, "format" text not null, "currency_code" text not null, "total" numeric not null, "count" integer not null, "debtor_iban" text not null, "debtor_name" text not null, "xml" text not null, "created_by" text null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "refund_export_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_refund_export_message_id_unique" ON "refund_export" ("message_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refund_export_deleted_at" ON "refund_export" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "refund_export_item" ("id" text not null, "transaction_id" text not null, "order_id" text null, "reason" text check ("reason" in ('overpayment', 'duplicate', 'cancelled_order', 'no_order')) not null, "amount" numeric not null, "creditor_iban" text not null, "creditor_bic" text null, "creditor_name" text not null, "end_to_end_id" text not null, "export_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "refund_export_item_pkey" primary key ("id"), constraint refund_export_item_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refund_export_item_export_id" ON "refund_export_item" ("export_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_refund_export_item_deleted_at" ON "refund_export_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_refund_export_item_transaction_unique" ON "refund_export_item" ("transaction_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "refund_export_item" add constraint "refund_export_item_export_id_foreign" foreign key ("export_id") references "refund_export" ("id") on update cascade;`);

    this.addSql(`alter table if exists "bank_transaction" add column if not exists "held_reason" text null, add column if not exists "held_order_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "refund_export_item" drop constraint if exists "refund_export_item_export_id_foreign";`);

    this.addSql(`drop table if exists "order_notice" cascade;`);

    this.addSql(`drop table if exists "refund_export" cascade;`);

    this.addSql(`drop table if exists "refund_export_item" cascade;`);

    this.addSql(`alter table if exists "bank_transaction" drop column if exists "held_reason", drop column if exists "held_order_id";`);
  }

}
