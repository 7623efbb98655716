// Every table holding a municipality's data carries municipality_id, or says here how its rows are reached from one
// that does (the key they would be distributed by under Citus, bench/README.md "Past one machine"), or why it is not
// a municipality's data at all. A new table fails this test until it is put in one of the three lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { buildMunicipality, buildOffice, buildRoom } from '../helpers/factories.js';

/** Tables with the column. Nullable where a row may belong to no municipality (VENDOR accounts, vendor-wide events and mail). */
const CARRIES_MUNICIPALITY_ID = [
  'app_user',
  'application',
  'audit_event',
  'consent',
  'fhir_export',
  'notification',
  'office',
  'patient',
  'room',
  // the counts the writes keep for the home pages, the reports and the rooms list's total (api/reports/kept-counts.entity.ts): co-located with the rows they count
  'room_count',
  'office_count',
  'room_month_count',
  'application_count',
  'application_step_count',
  'application_step_day_count',
  'post_month_count',
  'post_month_total',
  'user_headcount',
] as const;

/** The tenant itself: its id is the municipality id (a reference table under Citus: ~1,700 small rows joined from everywhere). */
const TENANT_ROOT = 'municipality';

/**
 * Rows reached through a parent's key: `column` references `parent`, which carries municipality_id (or is reached in
 * turn). Not given the column today: they are written on the hottest paths (posts, reads, members), each by several
 * services, and a copy that one write path forgets is worse than a join. Under Citus each gets municipality_id filled
 * from the parent at insert (and added to its primary key) so it is co-located with the parent.
 */
const REACHED_VIA: Record<string, { column: string; parent: string }> = {
  post: { column: 'room_id', parent: 'room' },
  post_read: { column: 'room_id', parent: 'room' },
  post_notice: { column: 'room_id', parent: 'room' },
  room_member: { column: 'room_id', parent: 'room' },
  post_revision: { column: 'post_id', parent: 'post' },
  post_attachment: { column: 'post_id', parent: 'post' },
  application_event: { column: 'application_id', parent: 'application' },
  attachment: { column: 'application_id', parent: 'application' },
  pledge: { column: 'application_id', parent: 'application' },
  activation_code: { column: 'user_id', parent: 'app_user' },
  recovery_code: { column: 'user_id', parent: 'app_user' },
  fhir_export_file: { column: 'export_id', parent: 'fhir_export' },
};

/** Not a municipality's data, or looked up before the municipality is known: global under Citus too. */
const GLOBAL: Record<string, string> = {
  session: 'every request starts by finding its session by token hash, before any municipality is known: distributed by its own key (or kept on the coordinator), not by municipality',
  api_token: 'found by its prefix and hash on every token request, before any municipality is known: like session',
  rate_limit: 'counters keyed by client address or login ID, across municipalities by design',
  pending_upload: 'an upload waiting minutes for its mutation, often anonymous (public application page): no municipality yet',
  secret_key_check: 'one row proving SECRET_KEY opens the TOTP secrets of the whole database',
  mikro_orm_migrations: 'the schema version of the whole database',
};

describe('tenant column', () => {
  let orm: MikroORM;
  let columns: Map<string, Map<string, { type: string; nullable: boolean }>>;
  /** `table.column → parent` for every single-column foreign key */
  let foreignKeys: Set<string>;
  beforeAll(async () => {
    ({ orm } = await createTestDatabase());
    // tables of the schema, not the audit trail's monthly partitions (they inherit audit_event's columns)
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<{ table_name: string; column_name: string; data_type: string; is_nullable: string }[]>(
        `select c.table_name, c.column_name, c.data_type, c.is_nullable from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.table_name not in (select inhrelid::regclass::text from pg_inherits)`,
      );
    const fks = await orm.em
      .fork()
      .getConnection()
      .execute<{ fk: string }[]>(
        `select c.conrelid::regclass::text || '.' || a.attname || ' → ' || c.confrelid::regclass::text as fk
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and array_length(c.conkey, 1) = 1`,
      );
    foreignKeys = new Set(fks.map((r) => r.fk));
    columns = new Map();
    for (const r of rows) {
      if (!columns.has(r.table_name)) columns.set(r.table_name, new Map());
      columns.get(r.table_name)?.set(r.column_name, { type: r.data_type, nullable: r.is_nullable === 'YES' });
    }
  });
  afterAll(() => orm.close(true));

  it('every table is decided: carries municipality_id, is the municipality, is reached through a parent, or is global', () => {
    const decided = [...CARRIES_MUNICIPALITY_ID, TENANT_ROOT, ...Object.keys(REACHED_VIA), ...Object.keys(GLOBAL)];
    expect(new Set(decided).size).toBe(decided.length); // one decision per table
    const undecided = [...columns.keys()].filter((t) => !decided.includes(t)).sort();
    expect(undecided, 'new table(s): add municipality_id, or list them in REACHED_VIA or GLOBAL with the reason').toEqual([]);
    const gone = decided.filter((t) => !columns.has(t));
    expect(gone, 'listed tables that no longer exist').toEqual([]);
  });

  it('the tables that hold a municipality’s rows carry municipality_id (uuid); the others do not, so the lists stay true', () => {
    for (const table of CARRIES_MUNICIPALITY_ID) expect(columns.get(table)?.get('municipality_id')?.type, table).toBe('uuid');
    const withColumn = [...columns.keys()].filter((t) => columns.get(t)?.has('municipality_id')).sort();
    expect(withColumn).toEqual([...CARRIES_MUNICIPALITY_ID].sort());
    // nullable only where a row may belong to no municipality; under Citus those rows take a vendor pseudo-municipality
    const nullable = CARRIES_MUNICIPALITY_ID.filter((t) => columns.get(t)?.get('municipality_id')?.nullable).sort();
    expect(nullable).toEqual(['app_user', 'audit_event', 'notification', 'user_headcount']); // user_headcount: VENDOR's accounts, as app_user
  });

  it('the parent key is a foreign key, except on the post-notice throttle (a timestamp per room and member, no FK)', () => {
    const without = Object.entries(REACHED_VIA)
      .filter(([table, via]) => !foreignKeys.has(`${table}.${via.column} → ${via.parent}`))
      .map(([table]) => table);
    expect(without).toEqual(['post_notice']);
  });

  it('every table reached through a parent has that key, and the chain ends at a table carrying municipality_id', () => {
    for (const [table, via] of Object.entries(REACHED_VIA)) {
      const key = columns.get(table)?.get(via.column);
      expect(key, `${table}.${via.column}`).toBeDefined();
      expect(key?.nullable, `${table}.${via.column} may not be null`).toBe(false);
      const chain = [table];
      let parent = via.parent;
      while (REACHED_VIA[parent] && chain.length < 5) {
        chain.push(parent);
        parent = REACHED_VIA[parent].parent;
      }
      expect(CARRIES_MUNICIPALITY_ID as readonly string[], `${[...chain, parent].join(' → ')}`).toContain(parent);
    }
  });
});

// Migration20261130200001: the copies of a patient's municipality cannot disagree with it, whoever writes.
describe('a room and its consent are in their patient’s municipality', () => {
  let orm: MikroORM;
  let room: { id: string; consentId: string; patientId: string; municipalityId: string };
  let otherCityId: string;
  const sql = (query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params);
  beforeAll(async () => {
    ({ orm } = await createTestDatabase());
    const em = orm.em.fork();
    const city = await buildMunicipality(em);
    otherCityId = (await buildMunicipality(em)).id;
    const office = await buildOffice(em, city);
    const r = await buildRoom(em, { municipality: city, explainingOffice: office, coveredOffices: [office], members: [] });
    room = { id: r.id, consentId: r.consent.id, patientId: r.patient.id, municipalityId: city.id };
  });
  afterAll(() => orm.close(true));

  const refused = /municipality_id is not its patient's municipality/;

  it('a room or consent moved to another municipality is refused', async () => {
    await expect(sql('update room set municipality_id = ? where id = ?', [otherCityId, room.id])).rejects.toThrow(refused);
    await expect(sql('update consent set municipality_id = ? where id = ?', [otherCityId, room.consentId])).rejects.toThrow(refused);
    const [row] = await sql('select (select municipality_id from room where id = ?) as room, (select municipality_id from consent where id = ?) as consent', [room.id, room.consentId]);
    expect(row).toEqual({ room: room.municipalityId, consent: room.municipalityId });
  });

  it('a consent written for the patient with another municipality is refused, with its own it is not', async () => {
    const copy = (municipalityId: string) =>
      sql(
        `insert into consent (id, created_at, updated_at, version, patient_id, municipality_id, consent_date, signer, explaining_office_id, explaining_person_name, covered_office_ids)
         select gen_random_uuid(), created_at, updated_at, 1, patient_id, ?, consent_date, signer, explaining_office_id, explaining_person_name, covered_office_ids from consent where id = ?`,
        [municipalityId, room.consentId],
      );
    await expect(copy(otherCityId)).rejects.toThrow(refused);
    await expect(copy(room.municipalityId)).resolves.toBeDefined();
  });

  it('a patient does not change municipality (its rooms and consents would be left behind)', async () => {
    await expect(sql('update patient set municipality_id = ? where id = ?', [otherCityId, room.patientId])).rejects.toThrow(/a patient does not change municipality/);
    await expect(sql('update patient set name_kana = name_kana where id = ?', [room.patientId])).resolves.toBeDefined();
  });
});
