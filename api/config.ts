// Environment → typed settings, read and validated once at start.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Set: use this PostgreSQL. Unset: start the embedded one in dataDir. */
  databaseUrl?: string;
  /** Owner connection for migrations; the runtime (DATABASE_URL) role then gets only DML rights */
  migrationDatabaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  production: boolean;
  /** Secure cookies need HTTPS; off only for plain-HTTP local use. */
  secureCookies: boolean;
  /** 32-byte key (hex or base64) that encrypts TOTP secrets at rest. */
  secretKey?: string;
  totpIssuer: string;
  lockout: { maxFailures: number; windowMinutes: number; durationMinutes: number };
  session: { idleMinutes: number; absoluteHours: number };
  adminDist: string;
  /** smtp://user:pass@host:port; unset: mail stays in the outbox, visible in the panel */
  smtpUrl?: string;
  mailFrom: string;
  /** The panel's address, for links in e-mails */
  publicUrl: string;
  /** Public application page: submissions per client address per hour */
  publicSubmissionsPerHour: number;
  /** Background jobs (mail, due ID stops) interval */
  jobIntervalSeconds: number;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    port: int('PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? '.data'),
    embeddedPgPort: int('EMBEDDED_PG_PORT', 54329),
    production,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : production,
    secretKey: env.SECRET_KEY || undefined,
    totpIssuer: env.TOTP_ISSUER ?? '在宅医療・介護連携',
    lockout: {
      maxFailures: int('LOCKOUT_MAX_FAILURES', 5),
      windowMinutes: int('LOCKOUT_WINDOW_MINUTES', 15),
      durationMinutes: int('LOCKOUT_DURATION_MINUTES', 15),
    },
    session: {
      idleMinutes: int('SESSION_IDLE_MINUTES', 30),
      absoluteHours: int('SESSION_ABSOLUTE_HOURS', 12),
    },
    adminDist: path.resolve(env.ADMIN_DIST ?? 'admin/dist'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? '在宅医療・介護連携 情報共有システム <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${int('PORT', 4000)}`).replace(/\/$/, ''),
    jobIntervalSeconds: int('JOB_INTERVAL_SECONDS', 30),
    publicSubmissionsPerHour: int('PUBLIC_SUBMISSIONS_PER_HOUR', 5),
  };
}
