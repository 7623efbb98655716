// Running it as a service (issue 12): the compiled server and create-admin, spawned as an operator
// runs them. A process that cannot serve exits at once with one line saying why (taken port, wrong
// or missing SECRET_KEY, settings that would hurt in production, PostgreSQL gone for good); a
// PostgreSQL that comes up a little later is waited for; slow clients are cut off; create-admin is
// scriptable and keeps the password off the screen.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase } from '../helpers/db.js';
import { Client } from '../helpers/client.js';
import { buildUser } from '../helpers/factories.js';
import { SecretBox } from '../../api/auth/secret-box.js';
import { Role } from '../../api/users/user.enums.js';

const OUT = 'dist/deployment-test';
const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);
const children: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  output: () => string;
  /** resolves with the exit code, or null if the process was still running after `ms` */
  exited: (ms: number) => Promise<number | null>;
  started: (ms?: number) => Promise<void>;
  stop: () => Promise<void>;
}

function run(script: string, env: Record<string, string>, args: string[] = [], command = process.execPath): Run {
  const child = spawn(command, command === process.execPath ? [`${OUT}/api/${script}`, ...args] : args, {
    env: { ...process.env, NODE_ENV: '', JOB_INTERVAL_SECONDS: '3600', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  return {
    child,
    output: () => out,
    exited: (ms) => Promise.race([exit, new Promise<null>((r) => setTimeout(() => r(null), ms))]),
    started: (ms = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start within ${ms} ms:\n${out}`)), ms);
        const check = () => {
          if (out.includes('GraphQL:')) {
            clearTimeout(timer);
            resolve();
          }
        };
        child.stdout!.on('data', check);
        check();
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code}:\n${out}`));
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A migrated database of its own; its URL is the test PostgreSQL's superuser (as an owner would be). */
async function database() {
  const { orm, url } = await createTestDatabase();
  return { orm, url };
}

beforeAll(() => {
  execFileSync('node_modules/.bin/tsc', ['-p', '.', '--outDir', OUT], { stdio: 'inherit' });
}, 120_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

describe('a second process on a taken port', () => {
  it('exits non-zero with one line naming the port, and never says it is running', async () => {
    const { orm, url } = await database();
    await orm.close(true);
    const port = await freePort();
    const first = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: String(port), HOST: '127.0.0.1' });
    await first.started();
    const second = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: String(port), HOST: '127.0.0.1' });
    const code = await second.exited(30_000);
    expect(code, second.output()).toBe(1);
    expect(second.output()).toContain(`Cannot start: Port ${port} is already in use on 127.0.0.1`);
    expect(second.output()).not.toContain('is running');
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
    // the first one still serves
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await first.stop();
  }, 90_000);
});

describe('SECRET_KEY', () => {
  it('refuses a key that cannot open the TOTP secrets already stored, then remembers the right one', async () => {
    const { orm, url } = await database();
    // an account enrolled under key A, in a database from before the key check existed
    await buildUser(orm.em.fork(), new SecretBox(KEY_A), { role: Role.VENDOR });
    await orm.close(true);
    const port = String(await freePort());

    const wrong = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_B, PORT: port });
    expect(await wrong.exited(30_000), wrong.output()).toBe(1);
    expect(wrong.output()).toContain('Cannot start: SECRET_KEY does not match the key this database was set up with');
    expect(wrong.output().trim().split('\n')).toHaveLength(1);

    const right = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: port });
    await right.started();
    await right.stop();

    // from now on the stored check value refuses any other key, even before anyone enrolls again
    const other = run('main.js', { DATABASE_URL: url, SECRET_KEY: 'c'.repeat(40), PORT: port });
    expect(await other.exited(30_000), other.output()).toBe(1);
    expect(other.output()).toContain('SECRET_KEY does not match');
  }, 90_000);

  it('refuses a second process started with another key on a fresh database', async () => {
    const { orm, url } = await database();
    await orm.close(true);
    const first = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: String(await freePort()) });
    await first.started();
    const second = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_B, PORT: String(await freePort()) });
    expect(await second.exited(30_000), second.output()).toBe(1);
    expect(second.output()).toContain('SECRET_KEY does not match');
    await first.stop();
  }, 90_000);
});

describe('production settings that would hurt', () => {
  const good = {
    NODE_ENV: 'production',
    SECRET_KEY: KEY_A,
    PUBLIC_URL: 'https://zaitaku.city.example.jp',
    MAIL_FROM: 'no-reply@city.example.jp',
    DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    DATABASE_WAIT_SECONDS: '1',
  };
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no SECRET_KEY', { SECRET_KEY: '' }, /SECRET_KEY is not set/],
    ['a localhost PUBLIC_URL', { PUBLIC_URL: 'http://localhost:4300' }, /PUBLIC_URL is "http:\/\/localhost:4300"/],
    ['no PUBLIC_URL', { PUBLIC_URL: '' }, /PUBLIC_URL is not set/],
    ['the default MAIL_FROM', { MAIL_FROM: '' }, /MAIL_FROM is not set \(default no-reply@localhost\)/],
    ['a MAIL_FROM at localhost', { MAIL_FROM: 'Zaitaku <no-reply@localhost>' }, /MAIL_FROM is "Zaitaku <no-reply@localhost>"/],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses to start with ${what}, saying which in one line`, async () => {
      const p = run('main.js', { ...good, ...change, PORT: String(await freePort()) });
      expect(await p.exited(20_000), p.output()).toBe(1);
      const lines = p.output().trim().split('\n');
      expect(lines, p.output()).toHaveLength(1);
      expect(lines[0]).toMatch(/^Cannot start: refusing to run in production \(NODE_ENV=production\) with /);
      expect(lines[0]).toMatch(message);
    });
  }

  it('names every problem at once', async () => {
    const p = run('main.js', { NODE_ENV: 'production', SECRET_KEY: '', PUBLIC_URL: '', MAIL_FROM: '', PORT: String(await freePort()) });
    expect(await p.exited(20_000)).toBe(1);
    expect(p.output()).toMatch(/SECRET_KEY is not set.*; PUBLIC_URL is not set.*; MAIL_FROM is not set/);
  });
});

describe('PostgreSQL not reachable at start', () => {
  /** A TCP relay to the test PostgreSQL on `port`, as if the database came up there. */
  function relay(port: number): Promise<net.Server> {
    const target = new URL(inject('pgAdminUrl'));
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)));
  }

  it('waits with backoff and starts once it comes up', async () => {
    const { orm, url } = await database();
    await orm.close(true);
    const pgPort = await freePort();
    const viaRelay = url.replace(/@[^/]+\//, `@127.0.0.1:${pgPort}/`);
    const p = run('main.js', { DATABASE_URL: viaRelay, SECRET_KEY: KEY_A, PORT: String(await freePort()), DATABASE_WAIT_SECONDS: '60' });
    // nothing on the port for a few seconds: the process says so and keeps trying
    for (let i = 0; i < 200 && !p.output().includes('retrying'); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 2500));
    expect(p.child.exitCode, p.output()).toBeNull();
    expect(p.output()).toContain(`PostgreSQL at 127.0.0.1:${pgPort}/`);
    expect(p.output()).toMatch(/is not reachable \(ECONNREFUSED\); retrying for up to 60 s/);
    const server = await relay(pgPort);
    await p.started();
    expect(p.output()).toContain('is reachable.');
    await p.stop();
    await new Promise((r) => server.close(r));
  }, 90_000);

  it('gives up after DATABASE_WAIT_SECONDS with one line', async () => {
    const pgPort = await freePort();
    const started = Date.now();
    const p = run('main.js', { DATABASE_URL: `postgres://app:pw@127.0.0.1:${pgPort}/zaitaku`, SECRET_KEY: KEY_A, PORT: String(await freePort()), DATABASE_WAIT_SECONDS: '2' });
    expect(await p.exited(20_000), p.output()).toBe(1);
    expect(Date.now() - started).toBeGreaterThan(1500);
    expect(p.output()).toContain(`Cannot start: PostgreSQL at 127.0.0.1:${pgPort}/zaitaku was not reachable within DATABASE_WAIT_SECONDS=2 (ECONNREFUSED).`);
  }, 30_000);

  it('does not wait for what waiting cannot fix (a wrong password)', async () => {
    const { orm, url } = await database();
    await orm.close(true);
    const wrong = url.replace(/\/\/([^:]+):[^@]*@/, '//$1:wrong-password@');
    const p = run('main.js', { DATABASE_URL: wrong, SECRET_KEY: KEY_A, PORT: String(await freePort()), DATABASE_WAIT_SECONDS: '60' });
    expect(await p.exited(15_000), p.output()).toBe(1);
    expect(p.output()).toMatch(/Cannot start: Cannot connect to PostgreSQL at .*password authentication failed/);
  }, 30_000);
});

describe('slow clients', () => {
  let server: Run;
  let port: number;
  beforeAll(async () => {
    const { orm, url } = await database();
    await orm.close(true);
    port = await freePort();
    server = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: String(port), HTTP_REQUEST_TIMEOUT_SECONDS: '2', HTTP_HEADERS_TIMEOUT_SECONDS: '1' });
    await server.started();
  }, 60_000);
  afterAll(() => server.stop());

  /** Sends `data`, then nothing more; resolves with the ms until the server closed the connection and what it answered. */
  function trickle(data: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket = net.connect(port, '127.0.0.1', () => socket.write(data));
      let answer = '';
      socket.on('data', (d) => (answer += d));
      socket.on('close', () => resolve({ ms: Date.now() - started, answer }));
      socket.on('error', () => {});
      setTimeout(() => {
        socket.destroy();
        reject(new Error('the server kept a stalled connection open for 15 s'));
      }, 15_000);
    });
  }

  it('closes a connection whose body stalls after HTTP_REQUEST_TIMEOUT_SECONDS', async () => {
    const { ms, answer } = await trickle('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    expect(ms).toBeGreaterThanOrEqual(1500);
    expect(ms).toBeLessThan(6000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('closes a connection whose headers stall after HTTP_HEADERS_TIMEOUT_SECONDS', async () => {
    const { ms, answer } = await trickle('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    expect(ms).toBeGreaterThanOrEqual(800);
    expect(ms).toBeLessThan(4000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('npm run create-admin', () => {
  let url: string;
  let server: Run;
  let base: string;
  beforeAll(async () => {
    const db = await database();
    await db.orm.close(true);
    url = db.url;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = run('main.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, PORT: String(port) });
    await server.started();
  }, 60_000);
  afterAll(() => server.stop());

  const createAdmin = async (env: Record<string, string>, args: string[], stdin?: string) => {
    const p = run('db/create-admin.js', { DATABASE_URL: url, SECRET_KEY: KEY_A, ...env }, args);
    if (stdin !== undefined) p.child.stdin!.end(stdin);
    else p.child.stdin!.end();
    const code = await p.exited(60_000);
    return { code, output: p.output() };
  };

  const signsIn = async (loginId: string, password: string) =>
    (await new Client(base).ok(`mutation($l: String!, $p: String!) { login(loginId: $l, password: $p) { step } }`, { l: loginId, p: password })).login.step;

  it('takes its values from flags, the password piped on stdin', async () => {
    const r = await createAdmin({}, ['--login-id', 'flag-admin', '--name', '旗 管理者', '--name-kana', 'ハタ カンリシャ'], 'flag-admin-password-1\n');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Created VENDOR account "flag-admin"');
    expect(r.output).not.toContain('flag-admin-password-1');
    expect(await signsIn('flag-admin', 'flag-admin-password-1')).toBe('TOTP_ENROLLMENT');
  });

  it('takes its values from the environment (ADMIN_*)', async () => {
    const r = await createAdmin({ ADMIN_LOGIN_ID: 'env-admin', ADMIN_NAME: '環境 管理者', ADMIN_NAME_KANA: 'カンキョウ カンリシャ', ADMIN_PASSWORD: 'env-admin-password-1' }, []);
    expect(r.code, r.output).toBe(0);
    expect(await signsIn('env-admin', 'env-admin-password-1')).toBe('TOTP_ENROLLMENT');
  });

  it('reads every missing value from piped input, one per line', async () => {
    const r = await createAdmin({}, [], 'piped-admin\n管 理者\nカン リシャ\npiped-admin-password-1\n');
    expect(r.code, r.output).toBe(0);
    expect(await signsIn('piped-admin', 'piped-admin-password-1')).toBe('TOTP_ENROLLMENT');
  });

  it('says what is missing when the pipe runs dry', async () => {
    const r = await createAdmin({}, ['--login-id', 'dry-admin'], '乾 管理者\n');
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Name in katakana \(フリガナ\): not given/);
    expect(r.output).toContain('ADMIN_NAME_KANA');
  });

  it('--activation-code: no password; prints a one-time code that activates the account once', async () => {
    const r = await createAdmin({}, ['--login-id', 'code-admin', '--name', '符号 管理者', '--name-kana', 'フゴウ カンリシャ', '--activation-code']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('Created VENDOR account "code-admin" (PENDING)');
    const code = /Activation code: (\S+)/.exec(r.output)![1];
    // no password works before activation
    expect((await new Client(base).gql(`mutation { login(loginId: "code-admin", password: "anything-at-all-1") { step } }`)).errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    const activate = `mutation($c: String!) { activateAccount(loginId: "code-admin", activationCode: $c, newPassword: "code-admin-password-1") { step } }`;
    expect((await new Client(base).ok(activate, { c: code })).activateAccount.step).toBe('TOTP_ENROLLMENT');
    expect((await new Client(base).gql(activate, { c: code })).errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    expect(await signsIn('code-admin', 'code-admin-password-1')).toBe('TOTP_ENROLLMENT');
  });

  it('on a terminal, asks for the password twice without echoing it', async () => {
    // `script` gives the command a real terminal (a pty); what it echoes is in the captured output
    const cmd = `${process.execPath} ${OUT}/api/db/create-admin.js --login-id tty-admin --name '端末 管理者' --name-kana 'タンマツ カンリシャ'`;
    const p = run('', { DATABASE_URL: url, SECRET_KEY: KEY_A }, ['-q', '-e', '-c', cmd, '/dev/null'], 'script');
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200 && !p.output().includes(text); i++) await new Promise((r) => setTimeout(r, 100));
      expect(p.output()).toContain(text);
    };
    await waitFor('Initial password');
    p.child.stdin!.write('tty-admin-password-1\r');
    await waitFor('The same password again');
    p.child.stdin!.write('tty-admin-password-1\r');
    expect(await p.exited(60_000), p.output()).toBe(0);
    expect(p.output()).toContain('Created VENDOR account "tty-admin"');
    expect(p.output()).not.toContain('tty-admin-password-1');
    expect(await signsIn('tty-admin', 'tty-admin-password-1')).toBe('TOTP_ENROLLMENT');
  });
});
