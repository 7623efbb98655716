import { Migration } from '@mikro-orm/migrations';

// A room's and a consent's municipality_id are copies of their patient's (the tenant key the consents
// register and the rooms list are scoped by, and the key Citus would distribute them by). A copy that
// disagreed would show a patient's room or consent to another municipality's city, so the database
// refuses it, whoever writes: a trigger (a CHECK cannot read another table, and a composite foreign
// key would need a unique (id, municipality_id) on patient that the entities cannot describe). A
// patient never changes municipality (a move is a new registration in the new city), so that is
// refused too, and the copies cannot drift afterwards.
export class Migration20261130200001 extends Migration {

  override async up(): Promise<void> {
    // rows written before this: a disagreement stops the migration, to be looked into, not carried on
    this.addSql(`do $$ begin
  if exists (select 1 from room r join patient p on p.id = r.patient_id where r.municipality_id <> p.municipality_id)
     or exists (select 1 from consent c join patient p on p.id = c.patient_id where c.municipality_id <> p.municipality_id) then
    raise exception 'a room or consent is not in its patient''s municipality' using errcode = 'integrity_constraint_violation';
  end if;
end $$;`);
    this.addSql(`create function municipality_is_patients() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from patient p where p.id = new.patient_id and p.municipality_id = new.municipality_id) then
    raise exception '%.municipality_id is not its patient''s municipality', tg_table_name using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;`);
    this.addSql(`create function patient_stays_in_municipality() returns trigger language plpgsql as $$
begin
  raise exception 'a patient does not change municipality' using errcode = 'integrity_constraint_violation';
end $$;`);
    for (const table of ['room', 'consent']) {
      this.addSql(`create trigger "${table}_municipality_is_patients" before insert or update of "municipality_id", "patient_id" on "${table}" for each row execute function municipality_is_patients();`);
    }
    this.addSql(`create trigger "patient_stays_in_municipality" before update of "municipality_id" on "patient" for each row when (new.municipality_id is distinct from old.municipality_id) execute function patient_stays_in_municipality();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "patient_stays_in_municipality" on "patient";`);
    for (const table of ['room', 'consent']) this.addSql(`drop trigger "${table}_municipality_is_patients" on "${table}";`);
    this.addSql(`drop function patient_stays_in_municipality();`);
    this.addSql(`drop function municipality_is_patients();`);
  }

}
