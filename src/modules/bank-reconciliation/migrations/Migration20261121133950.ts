import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121133950 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transaction" drop constraint if exists "bank_transaction_account_finapi_id_unique";`);
    this.addSql(`alter table if exists "bank_account" drop constraint if exists "bank_account_connection_finapi_id_unique";`);
    this.addSql(`alter table if exists "bank_connection" drop constraint if exists "bank_connection_interface_finapi_id_unique";`);
    this.addSql(`alter table if exists "bank_interface" drop constraint if exists "bank_interface_finapi_user_id_unique";`);
    this.addSql(`create table if not exists "bank_interface" ("id" text not null, "name" text not null, "description" text null, "finapi_user_id" text null, "encrypted_password" text null, "status" text check ("status" in ('not_connected', 'connected', 'error')) not null default 'not_connected', "last_error" text null, "connected_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_interface_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_interface_deleted_at" ON "bank_interface" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_interface_finapi_user_id_unique" ON "bank_interface" ("finapi_user_id") WHERE finapi_user_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_connection" ("id" text not null, "finapi_bank_connection_id" text null, "label" text not null, "bank_name" text null, "bank_bic" text null, "bank_code" text null, "status" text check ("status" in ('pending', 'active', 'consent_expiring', 'consent_expired', 'user_action_required', 'failed', 'disconnected')) not null default 'pending', "secrets_stored" boolean not null default false, "consent_expires_at" timestamptz null, "user_action_required" boolean not null default false, "update_status" text null, "last_update_at" timestamptz null, "web_form_id" text null, "web_form_url" text null, "web_form_status" text check ("web_form_status" in ('NOT_YET_OPENED', 'IN_PROGRESS', 'COMPLETED', 'COMPLETED_WITH_ERROR', 'ABORTED', 'EXPIRED')) null, "web_form_token_hash" text null, "last_error" text null, "disconnected_at" timestamptz null, "metadata" jsonb null, "interface_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_connection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_connection_interface_id" ON "bank_connection" ("interface_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_connection_deleted_at" ON "bank_connection" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_connection_interface_finapi_id_unique" ON "bank_connection" ("interface_id", "finapi_bank_connection_id") WHERE finapi_bank_connection_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_connection_web_form_token_hash" ON "bank_connection" ("web_form_token_hash") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_account" ("id" text not null, "finapi_account_id" text not null, "iban" text null, "account_number" text null, "name" text null, "holder" text null, "currency_code" text null, "account_type" text null, "balance" numeric null, "balance_at" timestamptz null, "import_enabled" boolean not null default true, "import_cursor" timestamptz null, "last_imported_at" timestamptz null, "notification_handle_hash" text null, "finapi_notification_rule_id" text null, "metadata" jsonb null, "connection_id" text not null, "raw_balance" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_account_connection_id" ON "bank_account" ("connection_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_account_deleted_at" ON "bank_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_account_connection_finapi_id_unique" ON "bank_account" ("connection_id", "finapi_account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_account_iban" ON "bank_account" ("iban") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "bank_transaction" ("id" text not null, "finapi_transaction_id" text not null, "amount" numeric not null, "currency_code" text not null, "booking_date" timestamptz not null, "value_date" timestamptz null, "import_date" timestamptz null, "purpose" text null, "counterpart_name" text null, "counterpart_iban" text null, "counterpart_bic" text null, "end_to_end_reference" text null, "mandate_reference" text null, "creditor_id" text null, "fingerprint" text not null, "is_potential_duplicate" boolean not null default false, "duplicate_of_id" text null, "status" text check ("status" in ('unassigned', 'proposed', 'assigned', 'partially_booked', 'booked', 'ignored')) not null default 'unassigned', "assigned_amount" numeric not null default 0, "booked_amount" numeric not null default 0, "ignore_reason" text null, "sync_run_id" text null, "raw" jsonb null, "metadata" jsonb null, "account_id" text not null, "raw_amount" jsonb not null, "raw_assigned_amount" jsonb not null default '{"value":"0","precision":20}', "raw_booked_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transaction_pkey" primary key ("id"), constraint bank_transaction_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_account_id" ON "bank_transaction" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_deleted_at" ON "bank_transaction" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transaction_account_finapi_id_unique" ON "bank_transaction" ("account_id", "finapi_transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_status_booking_date" ON "bank_transaction" ("status", "booking_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_booking_date" ON "bank_transaction" ("booking_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_fingerprint" ON "bank_transaction" ("fingerprint") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_assignment" ("id" text not null, "order_id" text not null, "customer_id" text null, "amount" numeric not null, "currency_code" text not null, "source" text check ("source" in ('auto', 'manual')) not null, "confidence" real null, "evidence" jsonb null, "status" text check ("status" in ('proposed', 'confirmed', 'booked', 'rejected')) not null default 'proposed', "confirmed_at" timestamptz null, "confirmed_by" text null, "booked_at" timestamptz null, "booking_error" text null, "payment_collection_id" text null, "payment_id" text null, "capture_id" text null, "created_by" text null, "metadata" jsonb null, "transaction_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_assignment_pkey" primary key ("id"), constraint payment_assignment_amount_positive check (amount > 0));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_assignment_transaction_id" ON "payment_assignment" ("transaction_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_assignment_deleted_at" ON "payment_assignment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_assignment_order_id" ON "payment_assignment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_assignment_customer_id" ON "payment_assignment" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_assignment_status" ON "payment_assignment" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "sync_run" ("id" text not null, "interface_id" text null, "account_id" text null, "trigger" text check ("trigger" in ('job', 'operator', 'webhook')) not null, "triggered_by" text null, "status" text check ("status" in ('running', 'succeeded', 'partially_failed', 'failed', 'skipped')) not null default 'running', "window_from" timestamptz null, "window_to" timestamptz null, "fetched_count" integer not null default 0, "imported_count" integer not null default 0, "duplicate_count" integer not null default 0, "filtered_count" integer not null default 0, "matched_count" integer not null default 0, "booked_count" integer not null default 0, "errors" jsonb null, "skipped" jsonb null, "started_at" timestamptz not null, "finished_at" timestamptz null, "duration_ms" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "sync_run_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sync_run_deleted_at" ON "sync_run" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sync_run_started_at" ON "sync_run" ("started_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_sync_run_account_id" ON "sync_run" ("account_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "bank_connection" add constraint "bank_connection_interface_id_foreign" foreign key ("interface_id") references "bank_interface" ("id") on update cascade;`);

    this.addSql(`alter table if exists "bank_account" add constraint "bank_account_connection_id_foreign" foreign key ("connection_id") references "bank_connection" ("id") on update cascade;`);

    this.addSql(`alter table if exists "bank_transaction" add constraint "bank_transaction_account_id_foreign" foreign key ("account_id") references "bank_account" ("id") on update cascade;`);

    this.addSql(`alter table if exists "payment_assignment" add constraint "payment_assignment_transaction_id_foreign" foreign key ("transaction_id") references "bank_transaction" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_connection" drop constraint if exists "bank_connection_interface_id_foreign";`);

    this.addSql(`alter table if exists "bank_account" drop constraint if exists "bank_account_connection_id_foreign";`);

    this.addSql(`alter table if exists "bank_transaction" drop constraint if exists "bank_transaction_account_id_foreign";`);

    this.addSql(`alter table if exists "payment_assignment" drop constraint if exists "payment_assignment_transaction_id_foreign";`);

    this.addSql(`drop table if exists "bank_interface" cascade;`);

    this.addSql(`drop table if exists "bank_connection" cascade;`);

    this.addSql(`drop table if exists "bank_account" cascade;`);

    this.addSql(`drop table if exists "bank_transaction" cascade;`);

    this.addSql(`drop table if exists "payment_assignment" cascade;`);

    this.addSql(`drop table if exists "sync_run" cascade;`);
  }

}
