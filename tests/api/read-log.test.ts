// Reads of patient data are logged while the rest of the answer is fetched, but the answer is
// never sent without its access-log rows: if a row cannot be written, the data is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import type { Room } from '../../api/rooms/room.entity.js';

let server: TestServer;
let em: EntityManager;
let world: Awaited<ReturnType<typeof buildWorld>>;
let room: Room;
let city: Client;
let staff: Client;

beforeAll(async () => {
  server = await startTestServer();
  em = server.orm.em.fork();
  world = await buildWorld(em, server.secrets);
  room = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }], name: '山田 花子' });
  city = new Client(server.url);
  await city.signIn(world.users.city.loginId, world.users.city.password, world.users.city.totpSecret!);
  staff = new Client(server.url);
  await staff.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);
});

afterAll(async () => {
  await server?.close();
});

/** Makes the database refuse audit rows of one action, as a full disk or a lost connection would. */
async function refuseAuditOf(action: string) {
  await em.getConnection().execute(`
    create or replace function test_refuse_audit() returns trigger language plpgsql as $$
    begin if new.action = '${action}' then raise exception 'audit refused by test'; end if; return new; end $$;
    drop trigger if exists test_refuse_audit on audit_event;
    create trigger test_refuse_audit before insert on audit_event for each row execute function test_refuse_audit();`);
}

async function allowAudit() {
  await em.getConnection().execute(`drop trigger if exists test_refuse_audit on audit_event`);
}

const ROOM_PAGE = `query($r: ID!) { room(id: $r) { name consent { id } patient { name } } posts(roomId: $r) { total items { id } } }`;

describe('the read log holds the answer back', () => {
  it('a room page is answered, with its four read rows written before the answer', async () => {
    const before = await em.fork().count(AuditEvent, { roomId: room.id, actorId: world.users.staff.user.id });
    const data = await staff.ok(ROOM_PAGE, { r: room.id });
    // counted right after the answer: the rows were there when it was sent
    const after = await em.fork().count(AuditEvent, { roomId: room.id, actorId: world.users.staff.user.id });
    expect(data.room.name).toBe('山田 花子');
    expect(after - before).toBe(4);
  });

  it('the rooms page logs one row per listed room naming its patient, and an empty page one row naming none', async () => {
    const since = new Date();
    const listed = (await city.ok(`{ rooms { items { id } } }`)).rooms.items.map((r: { id: string }) => r.id);
    expect(listed).toContain(room.id);
    const rows = await em.fork().find(AuditEvent, { action: 'room.list', actorId: world.users.city.user.id, occurredAt: { $gte: since } });
    expect(rows.map((e) => e.roomId).sort()).toEqual([...listed].sort());
    const ours = rows.find((e) => e.roomId === room.id)!;
    expect(ours).toMatchObject({ targetType: 'Room', targetId: room.id, patientId: room.patient.id, municipalityId: world.city.id, actorRole: 'CITY', detail: null });

    const emptySince = new Date();
    expect((await city.ok(`{ rooms(filter: { q: "該当なし-9c2e" }) { total items { id } } }`)).rooms).toEqual({ total: 0, items: [] });
    const empty = await em.fork().find(AuditEvent, { action: 'room.list', actorId: world.users.city.user.id, occurredAt: { $gte: emptySince } });
    expect(empty.map((e) => [e.targetId, e.patientId, e.municipalityId, e.detail])).toEqual([[null, null, world.city.id, { roomIds: [] }]]);
  });

  it('if the room list’s read row cannot be written, no room names are sent', async () => {
    await refuseAuditOf('room.list');
    try {
      const r = await city.gql(`{ rooms { total items { name } } }`);
      expect(r.status).toBe(500);
      expect(r.data).toBeUndefined();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(r)).not.toContain('山田');
      expect(JSON.stringify(r)).not.toContain('audit refused'); // masked
    } finally {
      await allowAudit();
    }
  });

  for (const action of ['room.read', 'consent.read', 'post.list']) {
    it(`if the ${action} row (written by the read's own statement) cannot be written, the whole room page is withheld`, async () => {
      await refuseAuditOf(action);
      try {
        const r = await staff.gql(ROOM_PAGE, { r: room.id });
        expect(r.status).toBe(500);
        expect(r.data).toBeUndefined();
        expect(JSON.stringify(r)).not.toContain('山田');
        expect(JSON.stringify(r)).not.toContain('audit refused'); // masked
      } finally {
        await allowAudit();
      }
    });
  }

  it('a page of posts the caller may not see (checked in the same statement as the page and its log): NOT_FOUND, nothing read, nothing logged', async () => {
    const outsider = new Client(server.url);
    await outsider.signIn(world.users.otherOfficeStaff.loginId, world.users.otherOfficeStaff.password, world.users.otherOfficeStaff.totpSecret!);
    const before = await em.fork().count(AuditEvent, { roomId: room.id, actorId: world.users.otherOfficeStaff.user.id });
    const r = await outsider.gql(`query($r: ID!) { posts(roomId: $r, page: { page: 1, perPage: 5 }) { total items { id body } } }`, { r: room.id });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(r.data).toBeNull();
    expect(await em.fork().count(AuditEvent, { roomId: room.id, actorId: world.users.otherOfficeStaff.user.id })).toBe(before);
  });

  it('if the patient read row cannot be written, the whole room page is withheld', async () => {
    await refuseAuditOf('patient.read');
    try {
      const r = await staff.gql(ROOM_PAGE, { r: room.id });
      expect(r.status).toBe(500);
      expect(r.data).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('山田');
    } finally {
      await allowAudit();
    }
    // and it works again once the log can be written
    expect((await staff.ok(ROOM_PAGE, { r: room.id })).room.patient.name).toBeTruthy();
  });
});
