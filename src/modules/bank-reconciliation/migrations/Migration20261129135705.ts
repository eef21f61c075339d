import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261129135705 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_assignment" drop constraint if exists "payment_assignment_capture_id_unique";`);
    this.addSql(`alter table if exists "payment_assignment" drop constraint if exists "payment_assignment_status_check";`);

    this.addSql(`alter table if exists "payment_assignment" add column if not exists "booking_claim" text null, add column if not exists "booking_claimed_at" timestamptz null;`);
    this.addSql(`alter table if exists "payment_assignment" add constraint "payment_assignment_status_check" check("status" in ('proposed', 'confirmed', 'booking', 'booked', 'rejected'));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_assignment_capture_id_unique" ON "payment_assignment" ("capture_id") WHERE capture_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payment_assignment" drop constraint if exists "payment_assignment_status_check";`);

    this.addSql(`drop index if exists "IDX_payment_assignment_capture_id_unique";`);
    this.addSql(`alter table if exists "payment_assignment" drop column if exists "booking_claim", drop column if exists "booking_claimed_at";`);

    this.addSql(`alter table if exists "payment_assignment" add constraint "payment_assignment_status_check" check("status" in ('proposed', 'confirmed', 'booked', 'rejected'));`);
  }

}
