// The audit trail in words: every action the code writes has a name in Japanese and English; the
// trail names its targets (accounts, offices; patients and rooms for their city only, and showing
// a patient's name is itself logged); the action filter offers only what the caller's trail holds.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionLabels } from '../../api/audit/action-labels.js';
import { ApplicationAction } from '../../api/applications/application.enums.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, signedIn } from '../helpers/client.js';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

describe('action names', () => {
  it('every action written in api/ has a Japanese and an English name', () => {
    const written = new Set<string>();
    for (const file of sourceFiles('api')) {
      const text = fs.readFileSync(file, 'utf8');
      // action: 'x.y', and the audit helpers' first argument ('room.read', …)
      for (const m of text.matchAll(/(?:action: |audit\w*\(|fail\(|throttle\(|completeSecondFactor\([^,]+, [^,]+, )'([a-z]+\.[a-z_]+)'/g)) written.add(m[1]);
    }
    for (const a of Object.values(ApplicationAction)) written.add(`application.${a.toLowerCase()}`);
    expect(written.size).toBeGreaterThan(30);
    const missing = [...written].filter((a) => !actionLabels[a]?.ja || !actionLabels[a]?.en);
    expect(missing).toEqual([]);
  });

  it('no two actions share a name (the filter offers them by name)', () => {
    const ja = Object.values(actionLabels).map((l) => l.ja);
    expect(ja.filter((l, i) => ja.indexOf(l) !== i)).toEqual([]);
  });
});

describe('the trail names what it is about', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const as: Record<string, Client> = {};
  let roomId: string;
  const LIST = `query($f: AuditFilter) { auditEvents(filter: $f, page: { perPage: 200 }) { items { action actionLabel targetType targetName patientName patientId } } }`;

  beforeAll(async () => {
    server = await startTestServer();
    const em = server.orm.em.fork();
    world = await buildWorld(em, server.secrets);
    roomId = (await buildRoom(em, { municipality: world.city, name: '監査 梅子', explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] })).id;
    Object.assign(as, await signedIn(server.url, world.users, ['city', 'vendor', 'staff'] as const));
    await as.staff.ok(`query($id: ID!) { room(id: $id) { patient { name } } }`, { id: roomId });
  });
  afterAll(() => server?.close());

  it('CITY reads actions by name, accounts and patients by name, and that read is logged', async () => {
    const { items } = (await as.city.ok(LIST)).auditEvents;
    const roomRead = items.find((e: { action: string }) => e.action === 'room.read');
    expect(roomRead).toMatchObject({ actionLabel: '部屋の閲覧', targetName: '監査 梅子', patientName: '監査 梅子' });
    const signIn = items.find((e: { action: string; targetType: string }) => e.action === 'auth.password');
    expect(signIn.actionLabel).toBe('サインイン (パスワード確認)');
    expect(signIn.targetName).toMatch(/\(u-/);
    // one row per patient named (here as the room's and as the patient's name), as the city, about the patient
    const logged = await server.orm.em
      .fork()
      .getConnection()
      .execute(`select actor_id, actor_role, outcome, municipality_id, target_type, target_id, room_id from audit_event where action = 'audit.list' and patient_id = ?`, [roomRead.patientId]);
    expect(logged).toEqual([
      { actor_id: world.users.city.user.id, actor_role: 'CITY', outcome: 'SUCCESS', municipality_id: world.city.id, target_type: 'Patient', target_id: roomRead.patientId, room_id: null },
    ]);
  });

  it('English names for an English reader', async () => {
    const en = new Client(server.url, 'en');
    en.setCookieHeader(as.city.cookieHeader);
    const { items } = (await en.ok(LIST, { f: { action: 'room.read' } })).auditEvents;
    expect(items[0].actionLabel).toBe('Room read');
  });

  it('VENDOR: names of accounts, no patient events, and only account and sign-in actions to pick from', async () => {
    const { items } = (await as.vendor.ok(LIST)).auditEvents;
    expect(items.every((e: { patientName: string | null }) => e.patientName === null)).toBe(true);
    expect(JSON.stringify(items)).not.toContain('監査 梅子');
    const codes = (await as.vendor.ok(`{ auditActions { code label } }`)).auditActions.map((a: { code: string }) => a.code);
    expect(codes).toContain('user.create');
    expect(codes.some((c: string) => /^(room|post|patient|consent)\./.test(c))).toBe(false);
    const cityCodes = (await as.city.ok(`{ auditActions { code } }`)).auditActions.map((a: { code: string }) => a.code);
    expect(cityCodes).toContain('post.list');
  });
});
