// npm run create-admin: the first VENDOR account on a fresh DATABASE_URL deployment.
// Asks for login ID, name and password on the terminal (or ADMIN_LOGIN_ID / ADMIN_NAME /
// ADMIN_NAME_KANA / ADMIN_PASSWORD for scripted installs). The password must be changed at first sign-in.
import 'reflect-metadata';
import readline from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { openDatabase } from '../app.js';
import { hashPassword } from '../auth/password.js';
import { patterns, passwordPolicy } from '../common/validation.js';
import { User } from '../users/user.entity.js';
import { JobType, Role } from '../users/user.enums.js';
import { AuditEvent, AuditOutcome } from '../audit/audit-event.entity.js';

async function ask(rl: readline.Interface | null, question: string, env: string | undefined): Promise<string> {
  if (env) return env;
  if (!rl) throw new Error(`${question}: not given (no terminal)`);
  return (await rl.question(`${question}: `)).trim();
}

async function main() {
  const config = loadConfig();
  const rl = process.stdin.isTTY ? readline.createInterface({ input: process.stdin, output: process.stdout }) : null;
  const loginId = await ask(rl, 'Login ID', process.env.ADMIN_LOGIN_ID);
  if (!patterns.loginId.test(loginId)) throw new Error('Login IDs are 4–32 letters, digits, ".", "_" or "-".');
  const name = await ask(rl, 'Name (氏名)', process.env.ADMIN_NAME);
  const nameKana = await ask(rl, 'Name in katakana (フリガナ)', process.env.ADMIN_NAME_KANA);
  if (!patterns.katakana.test(nameKana)) throw new Error('フリガナ must be katakana.');
  const password = await ask(rl, 'Initial password (12+ characters, letters and digits)', process.env.ADMIN_PASSWORD);
  if (!passwordPolicy(password)) throw new Error('Passwords need at least 12 characters, with letters and digits.');
  rl?.close();

  const db = await openDatabase(config, () => {});
  try {
    const em = db.orm.em.fork();
    if (await em.count(User, { loginId })) throw new Error(`Login ID "${loginId}" is already taken.`);
    await em.transactional(async (tx) => {
      const user = tx.create(User, { loginId, name, nameKana, role: Role.VENDOR, jobType: JobType.ADMINISTRATOR, passwordHash: await hashPassword(password), mustChangePassword: true });
      tx.create(AuditEvent, { action: 'user.create', outcome: AuditOutcome.SUCCESS, actorLoginId: 'create-admin', targetType: 'User', targetId: user.id, detail: { loginId, role: Role.VENDOR, via: 'create-admin' } });
    });
    console.log(`Created VENDOR account "${loginId}". Sign in, enroll a TOTP app, and change the password.`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
