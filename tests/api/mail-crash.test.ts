// Mail exactly once in practice: the compiled server sends a queued outbox to a real SMTP server and
// is killed with SIGKILL mid-send, again and again. Each mail carries the Message-ID stored when it was
// queued; a killed sender's claim (a row lock of its sending transaction) is free as soon as the
// process is gone; and the duplicates, counted here and printed, are at most one per crash and always
// the same Message-ID (MAIL_CRASHES=n for more rounds, MAIL_KILL=random for crashes at any moment).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase } from '../helpers/db.js';
import { startSmtpSink } from '../helpers/smtp.js';
import { enqueueMail } from '../../api/mail/outbox.js';
import { NotificationCategory } from '../../api/mail/notification.entity.js';

const OUT = 'dist/mail-crash-test'; // compiled apart from dist/, which other tests compile into at the same time
const MAILS = 150;
const CRASHES = Number(process.env.MAIL_CRASHES ?? 6);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-mail-'));
const children: ChildProcess[] = [];
let db: { orm: MikroORM; url: string };
let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  execFileSync('node_modules/.bin/tsc', ['-p', '.', '--outDir', OUT], { stdio: 'inherit' });
  db = await createTestDatabase();
  // 2 ms between the end of a mail and the server's 250: a crash in it is the classic resend
  sink = await startSmtpSink({ delayMs: 2 });
  const em = db.orm.em.fork();
  for (let i = 0; i < MAILS; i++) {
    enqueueMail(em, { kind: 'test.crash', to: `user${i}@example.jp`, subject: `お知らせ ${i}`, body: `本文 ${i}`, category: NotificationCategory.OTHER });
  }
  await em.flush();
}, 120_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await sink?.close();
  await db?.orm.close(true);
  fs.rmSync(work, { recursive: true, force: true });
});

/** the tail of each sender's stderr */
const stderrOf = new Map<ChildProcess, string>();

/** The compiled server (npm start's code) on the test database, sending the outbox every second. */
function startSender(): ChildProcess {
  const child = spawn(process.execPath, [`${OUT}/api/main.js`], {
    env: {
      ...process.env,
      NODE_ENV: '',
      DATABASE_URL: db.url,
      MIGRATION_DATABASE_URL: '',
      SMTP_URL: sink.url,
      MAIL_FROM: '在宅医療・介護連携 <no-reply@zaitaku.example.jp>',
      JOB_INTERVAL_SECONDS: '1',
      PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
      HOST: '127.0.0.1',
      DATA_DIR: work,
      SECRET_KEY: 'test-secret-key-test-secret-key-0123456789',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // read, or a sender that writes more than a pipe holds would block; the tail says why one stopped
  child.stderr!.on('data', (d: Buffer) => stderrOf.set(child, ((stderrOf.get(child) ?? '') + d.toString()).slice(-4000)));
  children.push(child);
  return child;
}

const sql = <T>(q: string) => db.orm.em.fork().getConnection().execute<T[]>(q);
/** Unsent rows another worker cannot take now: held by a sending transaction, or leased to a later time. */
const claimedRows = async () => {
  const [{ pending }] = await sql<{ pending: number }>(`select count(*)::int as pending from notification where status = 'PENDING'`);
  const [{ free }] = await sql<{ free: number }>(`select count(*)::int as free from (select id from notification where status = 'PENDING' and next_attempt_at <= now() for update skip locked) f`);
  return pending - free;
};
/** Waits for `check`; with a sender, fails at once if it exits, and either failure says what it wrote. */
const until = async (check: () => Promise<boolean> | boolean, ms: number, what: string, sender?: ChildProcess) => {
  const end = Date.now() + ms;
  const wrote = () => (sender ? `; the sender wrote: ${stderrOf.get(sender) || '(nothing)'}` : '');
  while (!(await check())) {
    if (sender && (sender.exitCode !== null || sender.signalCode !== null)) throw new Error(`the sender exited (${sender.exitCode ?? sender.signalCode}) before ${what}${wrote()}`);
    if (Date.now() > end) throw new Error(`timed out: ${what}${wrote()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('mail outbox under kill -9', () => {
  it('sends every mail, with its stored Message-ID, frees a killed sender’s claim at once, and resends at most the mail in flight', async () => {
    const releaseMs: number[] = [];
    for (let crash = 0; crash < CRASHES; crash++) {
      const t0 = performance.now();
      const child = startSender();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // kill it while it sends. By default at the worst moment: within a few ms of a mail reaching
      // the SMTP server, before or after its 250 and our commit. MAIL_KILL=random: at any moment of
      // the next 1.5 s of sending, as a crash in practice would.
      const seen = sink.mails.length;
      const more = 1 + Math.floor(Math.random() * 10);
      await until(() => sink.mails.length >= Math.min(seen + (process.env.MAIL_KILL === 'random' ? 1 : more), MAILS), 60_000, 'the sender to send', child);
      await new Promise((r) => setTimeout(r, process.env.MAIL_KILL === 'random' ? Math.random() * 1500 : Math.random() * 6));
      child.kill('SIGKILL');
      await exited;
      const killedAt = performance.now();
      await until(async () => (await claimedRows()) === 0, 30_000, 'the killed sender’s claim to be released');
      releaseMs.push(performance.now() - killedAt);
      console.log(`[mail-crash] round ${crash}: ${Math.round(killedAt - t0)} ms alive, ${sink.mails.length} received`);
    }
    // one more, left running, sends the rest
    const last = startSender();
    await until(async () => (await sql<{ n: number }>(`select count(*)::int as n from notification where status <> 'SENT'`))[0].n === 0, 120_000, 'the outbox to drain');
    last.kill('SIGKILL');

    const rows = await sql<{ message_id: string; attempts: number }>(`select message_id, attempts from notification`);
    const ids = new Set(rows.map((r) => r.message_id));
    expect(ids.size).toBe(MAILS);
    for (const id of ids) expect(id).toMatch(/^<[0-9a-f-]{36}@[a-z0-9.-]+>$/);
    // every mail arrived, and with the Message-ID stored for its row
    const received = new Map<string, number>();
    for (const m of sink.mails) received.set(m.messageId!, (received.get(m.messageId!) ?? 0) + 1);
    expect([...received.keys()].filter((id) => !ids.has(id))).toEqual([]);
    expect(received.size).toBe(MAILS);
    const duplicates = sink.mails.length - received.size;
    // a crash can resend only the one mail its transaction held
    expect(duplicates).toBeLessThanOrEqual(CRASHES);
    console.log(
      `[mail-crash] ${MAILS} mails, ${CRASHES} × kill -9 mid-send: ${sink.mails.length} delivered, ${duplicates} duplicate(s) (same Message-ID); ` +
        `claim free ${Math.round(Math.min(...releaseMs))}–${Math.round(Math.max(...releaseMs))} ms after the process died`,
    );
    // no lease to wait out: the row lock goes with the connection
    expect(Math.max(...releaseMs)).toBeLessThan(5_000);
  }, 300_000);
});
