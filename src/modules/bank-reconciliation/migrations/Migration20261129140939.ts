import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129140939 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "bank_account" add column if not exists "notified_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "bank_account" drop column if exists "notified_at";`);
  }

}
