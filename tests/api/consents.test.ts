// 同意書の一覧 (the consents register): the city's list of its municipality's consents — patient,
// date, self or proxy, explaining office, offices covered, withdrawn or not — filtered and paged in
// one statement, with every listed patient on the access log; no one else reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyEntity, EntityData } from '@mikro-orm/postgresql';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { type Client, codesOf, signedIn } from '../helpers/client.js';

const LIST = `query($f: ConsentFilter, $s: ConsentSort, $p: PageInput) { consents(filter: $f, sort: $s, page: $p) {
  total items { id roomId roomName patientName patientNameKana consentDate signer proxyName explainingOfficeName coveredOfficeNames withdrawnAt } } }`;

describe('consents register', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const as: Record<string, Client> = {};
  const rooms: Record<string, string> = {};
  const sql = <Row extends object = EntityData<AnyEntity>>(q: string, p: unknown[] = []) => server.orm.em.fork().getConnection().execute<Row[]>(q, p);

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    const common = { explainingOffice: world.office, coveredOffices: [world.office, world.otherOffice], members: [{ user: world.users.staff.user }] };
    rooms.a = (await buildRoom(em, { municipality: world.city, name: '同意 一子', ...common })).id;
    rooms.b = (await buildRoom(em, { municipality: world.city, name: '同意 二郎', ...common })).id;
    rooms.other = (await buildRoom(em, { municipality: world.otherCity, name: '笠間 三子', explainingOffice: world.otherCityOffice, coveredOffices: [world.otherCityOffice], members: [] })).id;
    Object.assign(as, await signedIn(server.url, world.users, ['city', 'otherCity', 'vendor', 'staff', 'officeAdmin'] as const));
    // one consent withdrawn, through the API as the city records it from the register
    await as.city.ok(`mutation($r: ID!) { withdrawConsent(roomId: $r, note: "ご家族より撤回の申し出") { id withdrawnAt } }`, { r: rooms.b });
  });
  afterAll(() => server?.close());

  it('lists the municipality’s consents to its city, and to no one else', async () => {
    const r = (await as.city.ok(LIST)).consents;
    expect(r.total).toBe(2);
    expect(r.items.map((i: { patientName: string }) => i.patientName).sort()).toEqual(['同意 一子', '同意 二郎']);
    expect(r.items[0]).toMatchObject({ signer: 'SELF', explainingOfficeName: world.office.name });
    expect(r.items[0].coveredOfficeNames.sort()).toEqual([world.office.name, world.otherOffice.name].sort());
    expect((await as.otherCity.ok(LIST)).consents.items.map((i: { patientName: string }) => i.patientName)).toEqual(['笠間 三子']);
    for (const k of ['vendor', 'staff', 'officeAdmin']) expect(codesOf(await as[k].gql(LIST))).toEqual(['FORBIDDEN']);
  });

  it('filters by withdrawal and by the patient’s name', async () => {
    const withdrawn = (await as.city.ok(LIST, { f: { withdrawn: true } })).consents;
    expect(withdrawn.items.map((i: { roomId: string }) => i.roomId)).toEqual([rooms.b]);
    expect(withdrawn.items[0].withdrawnAt).toBeTruthy();
    expect((await as.city.ok(LIST, { f: { withdrawn: false } })).consents.items.map((i: { roomId: string }) => i.roomId)).toEqual([rooms.a]);
    expect((await as.city.ok(LIST, { f: { q: '一子' } })).consents.total).toBe(1);
    expect((await as.city.ok(LIST, { p: { page: 5, perPage: 1 } })).consents).toEqual({ total: 2, items: [] });
  });

  it('reads the page and its total in one statement, and logs every listed patient', async () => {
    const [{ n: before }] = await sql(`select count(*)::int as n from audit_event where action = 'consent.list'`);
    server.sql.reset();
    await as.city.ok(LIST);
    const selects = server.sql.statements.filter((s) => /\bfrom consent\b/.test(s));
    expect(selects).toHaveLength(1);
    const logged = await sql<{ patient_id: string | null; room_id: string }>(`select patient_id, room_id from audit_event where action = 'consent.list' order by occurred_at desc, id desc limit 2`);
    const [{ n: after }] = await sql(`select count(*)::int as n from audit_event where action = 'consent.list'`);
    expect(after - before).toBe(2);
    expect(logged.map((l) => l.room_id).sort()).toEqual([rooms.a, rooms.b].sort());
    expect(logged.every((l) => l.patient_id)).toBe(true);
  });
});
