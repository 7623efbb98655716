// PostgreSQL stopped and restarted under load: requests during the outage fail with a clear,
// retryable error; the API recovers by itself; nothing is left half-written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from '../../api/db/embedded.js';
import { connect, migrate } from '../../api/db/orm.js';
import { createServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { Client } from '../helpers/client.js';
import { buildRoom, buildWorld } from '../helpers/factories.js';
import { freePort } from '../helpers/server-process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-faults-'));
let port: number; // PostgreSQL's, the same across its restart
let pg: EmbeddedDatabase;
let orm: MikroORM;
let http: Server;
let stopServer: () => Promise<void>;
let url: string;

beforeAll(async () => {
  port = await freePort();
  pg = await startEmbeddedPostgres(dir, port);
  await ensureDatabase(pg.url(), 'faults');
  orm = await connect(pg.url('faults'), { pool: { min: 0, max: 4 } });
  await migrate(orm);
  const secrets = new SecretBox('fault-test-secret-key-0123456789-abcdef');
  const server = await createServer(orm, { ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv), adminDist: path.resolve('admin/dist') }, secrets);
  stopServer = server.stop;
  http = await new Promise((resolve) => {
    const s = createHttpServer(server.handler).listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  (globalThis as { faultSecrets?: SecretBox }).faultSecrets = secrets;
}, 120_000);

afterAll(async () => {
  http?.closeAllConnections();
  await new Promise((r) => http?.close(r));
  await stopServer?.();
  await orm?.close(true);
  await pg?.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('database outage under load', () => {
  it('answers SERVICE_UNAVAILABLE during the outage, recovers without a restart, and keeps every change whole', async () => {
    const secrets = (globalThis as { faultSecrets?: SecretBox }).faultSecrets!;
    const world = await buildWorld(orm.em.fork(), secrets);
    const room = await buildRoom(orm.em.fork(), { municipality: world.city, explainingOffice: world.office, coveredOffices: [world.office], members: [{ user: world.users.staff.user }] });
    const member = new Client(url);
    await member.signIn(world.users.staff.loginId, world.users.staff.password, world.users.staff.totpSecret!);

    const outcomes: { phase: string; code: string; status: number }[] = [];
    let phase = 'before';
    let running = true;
    let n = 0;
    const worker = async () => {
      while (running) {
        n += 1;
        // a request sent in one phase and answered in another (just before the outage or the
        // recovery) belongs to neither: the checks below are about whole requests of a phase
        const sentIn = phase;
        const write = n % 3 === 0;
        const r = write
          ? await member
              .gql(`mutation($r: ID!, $b: String!) { createPost(roomId: $r, input: { kind: NOTE, body: $b }) { id } }`, { r: room.id, b: `記録 ${n}` })
              .catch(() => ({ status: 0, errors: [{ extensions: { code: 'NETWORK' } }] }))
          : await member.gql(`query($r: ID!) { posts(roomId: $r, page: { perPage: 5 }) { total } }`, { r: room.id }).catch(() => ({ status: 0, errors: [{ extensions: { code: 'NETWORK' } }] }));
        outcomes.push({ phase: sentIn === phase ? phase : 'crossing', code: (r as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'ok', status: r.status });
        await new Promise((res) => setTimeout(res, 20));
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    await new Promise((r) => setTimeout(r, 1000));

    phase = 'outage';
    await pg.stop();
    await new Promise((r) => setTimeout(r, 2000));

    phase = 'restarting';
    pg = await startEmbeddedPostgres(dir, port);
    const restartedAt = Date.now();
    // the API is not restarted: wait for it to serve again by itself
    const deadline = Date.now() + 30_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const r = await member.gql(`{ me { id } }`).catch(() => null);
      recovered = !!r && !r.errors;
      if (!recovered) await new Promise((res) => setTimeout(res, 250));
    }
    expect(recovered).toBe(true);
    const recoveryMs = Date.now() - restartedAt;
    phase = 'after';
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(workers);

    const by = (p: string) => outcomes.filter((o) => o.phase === p);
    expect(by('before').every((o) => o.code === 'ok')).toBe(true);
    // during the outage: a clear, retryable error, never a masked internal error
    const outage = by('outage');
    // the figures in README.md (Load, faults, concurrency) come from this line
    const tally: Record<string, number> = {};
    for (const o of outcomes) tally[`${o.phase} ${o.status} ${o.code}`] = (tally[`${o.phase} ${o.status} ${o.code}`] ?? 0) + 1;
    console.log(
      `faults: ${outcomes.length} requests; ${Object.entries(tally)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}; serving again ${recoveryMs} ms after PostgreSQL was back`,
    );
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.filter((o) => o.code !== 'ok').every((o) => o.code === 'SERVICE_UNAVAILABLE' && o.status === 503)).toBe(true);
    expect(outcomes.filter((o) => o.code === 'INTERNAL_SERVER_ERROR' || o.code === 'NETWORK')).toEqual([]);
    expect(by('after').length).toBeGreaterThan(0);
    expect(by('after').every((o) => o.code === 'ok')).toBe(true);

    // invariants: every post has its author's read receipt and its audit event, and nothing else exists
    const [counts] = await orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select count(*) from post where room_id = ?)::int as posts,
              (select count(*) from post_read where room_id = ?)::int as receipts,
              (select count(*) from audit_event where room_id = ? and action = 'post.create')::int as audited`,
        [room.id, room.id, room.id],
      );
    const succeededWrites = outcomes.filter((o) => o.code === 'ok').length; // reads included: an upper bound
    expect(counts.posts).toBe(counts.receipts);
    expect(counts.posts).toBe(counts.audited);
    expect(counts.posts).toBeGreaterThan(0);
    expect(counts.posts).toBeLessThanOrEqual(succeededWrites);
  }, 120_000);
});
