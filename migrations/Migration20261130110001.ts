import { Migration } from '@mikro-orm/migrations';

// The rooms page (a municipality's rooms, newest activity first) as an index scan of its own rows,
// not a sort of every room of the municipality (issue 14).
export class Migration20261130110001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "room_municipality_id_updated_at_id_index" on "room" ("municipality_id", "updated_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "room_municipality_id_updated_at_id_index";`);
  }

}
