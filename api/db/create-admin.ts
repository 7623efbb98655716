// npm run create-admin: the first VENDOR account on a fresh DATABASE_URL deployment.
//
//   npm run create-admin -- [--login-id <id>] [--name <氏名>] [--name-kana <フリガナ>] [--email <address>] [--activation-code]
//
// Each value comes from its flag, else its environment variable (ADMIN_LOGIN_ID, ADMIN_NAME,
// ADMIN_NAME_KANA, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_ACTIVATION_CODE=1), else is asked: on a
// terminal (the password without echo, twice), or read from piped stdin, one line per missing value
// in that order. With --activation-code no password is taken: the account is PENDING and a one-time
// activation code is printed, for the person who activates it at /#/activate. A password given here
// must be changed at first sign-in.
import 'reflect-metadata';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../app.js';
import { hashPassword } from '../auth/password.js';
import { issueActivationCodes } from '../auth/activation.js';
import { patterns, passwordPolicy } from '../common/validation.js';
import { User } from '../users/user.entity.js';
import { JobType, Role, UserStatus } from '../users/user.enums.js';
import { AuditEvent, AuditOutcome } from '../audit/audit-event.entity.js';

const USAGE =
  'Usage: npm run create-admin -- --login-id <id> --name <氏名> --name-kana <フリガナ> [--email <address>] [--activation-code]\n' +
  '  (or ADMIN_LOGIN_ID, ADMIN_NAME, ADMIN_NAME_KANA, ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_ACTIVATION_CODE=1; missing values are asked on the terminal or read from stdin, one per line)';

class Refused extends Error {}

/** Where missing values come from: the terminal (prompts) or piped stdin (one line each). */
interface Input {
  ask(question: string, opts?: { hidden?: boolean }): Promise<string>;
  close(): void;
}

function terminalInput(): Input {
  return {
    async ask(question, opts = {}) {
      if (opts.hidden) return readHidden(`${question}: `);
      const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
      const answer = await new Promise<string>((resolve) => rl.question(`${question}: `, resolve));
      rl.close();
      return answer.trim();
    },
    close() {},
  };
}

/** Reads a line in raw mode, echoing nothing (the password must not appear on screen or in a scrollback). */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  // echo off before the prompt shows: a password typed (or pasted) the moment the prompt appears
  // was echoed by the terminal, still in cooked mode (seen by tests/api/deployment.test.ts under load)
  stdin.setRawMode(true);
  process.stdout.write(prompt);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stdout.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

function pipedInput(): Input {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask(question) {
      const next = await lines.next();
      if (next.done) throw new Refused(`${question}: not given (no flag, no environment variable, and stdin has no more lines).\n${USAGE}`);
      return next.value.replace(/\r$/, '').trim();
    },
    close: () => rl.close(),
  };
}

const truthy = (v: string | undefined) => !!v && ['1', 'true', 'yes'].includes(v.toLowerCase());

async function main() {
  const { values } = parseArgs({
    options: {
      'login-id': { type: 'string' },
      name: { type: 'string' },
      'name-kana': { type: 'string' },
      email: { type: 'string' },
      'activation-code': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const withCode = values['activation-code'] || truthy(env.ADMIN_ACTIVATION_CODE);
  const input = process.stdin.isTTY ? terminalInput() : pipedInput();
  const value = async (flag: string | undefined, envValue: string | undefined, question: string) => flag?.trim() || envValue?.trim() || input.ask(question);

  const loginId = await value(values['login-id'], env.ADMIN_LOGIN_ID, 'Login ID');
  if (!patterns.loginId.test(loginId)) throw new Refused('Login IDs are 4–32 letters, digits, ".", "_" or "-".');
  const name = await value(values.name, env.ADMIN_NAME, 'Name (氏名)');
  if (!name) throw new Refused('The name is required.');
  const nameKana = await value(values['name-kana'], env.ADMIN_NAME_KANA, 'Name in katakana (フリガナ)');
  if (!patterns.katakana.test(nameKana)) throw new Refused('フリガナ must be katakana.');
  const email = (values.email ?? env.ADMIN_EMAIL)?.trim().toLowerCase() || null;
  if (email && !patterns.email.test(email)) throw new Refused('--email is not an e-mail address.');
  let password: string | null = null;
  if (!withCode) {
    const policy = 'Initial password (12+ characters, letters and digits)';
    if (env.ADMIN_PASSWORD) password = env.ADMIN_PASSWORD;
    else if (process.stdin.isTTY) {
      password = await input.ask(policy, { hidden: true });
      if ((await input.ask('The same password again', { hidden: true })) !== password) throw new Refused('The two passwords differ.');
    } else password = await input.ask(policy);
    if (!passwordPolicy(password)) throw new Refused('Passwords need at least 12 characters, with letters and digits.');
  }
  input.close();

  const config = loadConfig();
  const db = await openDatabase(config, () => {});
  try {
    const em = db.orm.em.fork();
    if (await em.count(User, { loginId })) throw new Refused(`Login ID "${loginId}" is already taken.`);
    const code = await em.transactional(async (tx) => {
      const user = tx.create(User, {
        loginId,
        name,
        nameKana,
        email,
        role: Role.VENDOR,
        jobType: JobType.ADMINISTRATOR,
        ...(password ? { passwordHash: await hashPassword(password), mustChangePassword: true } : { status: UserStatus.PENDING, passwordHash: null }),
      });
      tx.create(AuditEvent, {
        action: 'user.create',
        outcome: AuditOutcome.SUCCESS,
        actorLoginId: 'create-admin',
        targetType: 'User',
        targetId: user.id,
        detail: { loginId, role: Role.VENDOR, via: 'create-admin', activation: password ? 'password' : 'code' },
      });
      return password ? null : (await issueActivationCodes(tx, [user])).get(user.id)!;
    });
    if (code) {
      console.log(`Created VENDOR account "${loginId}" (PENDING).`);
      console.log(`Activation code: ${code.code}   (valid until ${code.expiresAt.toISOString()}; single use)`);
      console.log(`Activate at ${config.publicUrl}/#/activate with the login ID and this code: choose a password and enroll a TOTP app.`);
    } else {
      console.log(`Created VENDOR account "${loginId}". Sign in, enroll a TOTP app, and change the password.`);
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
