import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129184549 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "open_order_search" ("order_id" text not null, "text" text not null, "exact" boolean not null default true, "display_id" integer null, "order_created_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "open_order_search_pkey" primary key ("order_id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_open_order_search_deleted_at" ON "open_order_search" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_open_order_search_order_created_at" ON "open_order_search" ("order_created_at", "display_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "open_order_search" cascade;`);
  }

}
