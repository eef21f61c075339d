import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129140559 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_transaction" drop constraint if exists "bank_transaction_account_dedupe_key_unique";`);
    this.addSql(`alter table if exists "bank_account" drop constraint if exists "bank_account_connection_id_foreign";`);

    this.addSql(`alter table if exists "sync_run" drop constraint if exists "sync_run_trigger_check";`);

    this.addSql(`alter table if exists "bank_account" add column if not exists "source" text check ("source" in ('finapi', 'file')) not null default 'finapi';`);
    this.addSql(`alter table if exists "bank_account" alter column "finapi_account_id" type text using ("finapi_account_id"::text);`);
    this.addSql(`alter table if exists "bank_account" alter column "finapi_account_id" drop not null;`);
    this.addSql(`alter table if exists "bank_account" alter column "connection_id" type text using ("connection_id"::text);`);
    this.addSql(`alter table if exists "bank_account" alter column "connection_id" drop not null;`);
    this.addSql(`alter table if exists "bank_account" add constraint "bank_account_connection_id_foreign" foreign key ("connection_id") references "bank_connection" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table if exists "bank_transaction" add column if not exists "source" text check ("source" in ('finapi', 'file')) not null default 'finapi', add column if not exists "dedupe_key" text null, add column if not exists "creditor_reference" text null, add column if not exists "bank_reference" text null;`);
    // payments stored before: each content's first, not held payment claims "<fingerprint>#1"
    this.addSql(`update "bank_transaction" t set "dedupe_key" = s."fingerprint" || '#1' from (
      select distinct on ("account_id", "fingerprint") "id", "fingerprint" from "bank_transaction"
       where "deleted_at" is null and not "is_potential_duplicate" order by "account_id", "fingerprint", "created_at", "id") s
      where t."id" = s."id";`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transaction_account_dedupe_key_unique" ON "bank_transaction" ("account_id", "dedupe_key") WHERE dedupe_key is not null AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "sync_run" add column if not exists "source" text check ("source" in ('finapi', 'file')) not null default 'finapi', add column if not exists "file_name" text null, add column if not exists "left_out" jsonb null;`);
    this.addSql(`alter table if exists "sync_run" add constraint "sync_run_trigger_check" check("trigger" in ('job', 'operator', 'webhook', 'cli'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_account" drop constraint if exists "bank_account_connection_id_foreign";`);

    this.addSql(`alter table if exists "sync_run" drop constraint if exists "sync_run_trigger_check";`);

    this.addSql(`alter table if exists "bank_account" drop column if exists "source";`);

    this.addSql(`alter table if exists "bank_account" alter column "finapi_account_id" type text using ("finapi_account_id"::text);`);
    this.addSql(`alter table if exists "bank_account" alter column "finapi_account_id" set not null;`);
    this.addSql(`alter table if exists "bank_account" alter column "connection_id" type text using ("connection_id"::text);`);
    this.addSql(`alter table if exists "bank_account" alter column "connection_id" set not null;`);
    this.addSql(`alter table if exists "bank_account" add constraint "bank_account_connection_id_foreign" foreign key ("connection_id") references "bank_connection" ("id") on update cascade;`);

    this.addSql(`drop index if exists "IDX_bank_transaction_account_dedupe_key_unique";`);
    this.addSql(`alter table if exists "bank_transaction" drop column if exists "source", drop column if exists "dedupe_key", drop column if exists "creditor_reference", drop column if exists "bank_reference";`);

    this.addSql(`alter table if exists "sync_run" drop column if exists "source", drop column if exists "file_name", drop column if exists "left_out";`);

    this.addSql(`alter table if exists "sync_run" add constraint "sync_run_trigger_check" check("trigger" in ('job', 'operator', 'webhook'));`);
  }

}
