import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121135221 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "finapi_call_log" ("id" text not null, "interface_id" text not null, "at" timestamptz not null, "operation" text not null, "api" text not null, "method" text not null, "path" text not null, "outcome" text check ("outcome" in ('ok', 'error')) not null, "http_status" integer null, "request_id" text not null, "attempts" integer not null default 1, "duration_ms" integer not null default 0, "error_kind" text null, "error_code" text null, "error_message" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "finapi_call_log_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finapi_call_log_deleted_at" ON "finapi_call_log" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_finapi_call_log_interface_at" ON "finapi_call_log" ("interface_id", "at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finapi_call_log" cascade;`);
  }

}
