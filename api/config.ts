// Environment → typed settings, read and validated once at start.
import net from 'node:net';
import path from 'node:path';

export interface Config {
  port: number;
  /** Bind address; behind a load balancer, the private interface it reaches */
  host: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDR subnets, or Express's names
   * loopback / linklocal / uniquelocal); empty: the TCP peer is the client.
   */
  trustProxy: string[];
  /** Largest JSON body /graphql reads, in bytes; larger ones are refused with 413 unread */
  graphqlBodyLimit: number;
  /** Failed sign-ins (login, activateAccount) allowed per client address and per login ID in one window */
  signInLimits: { perAddress: number; perAccount: number; windowMinutes: number };
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
  /** new-post mails: at most one per room per member within this many minutes */
  postNoticeMinutes: number;
  /**
   * Longest a single SQL statement of a request or job may run (PostgreSQL's statement_timeout on
   * the runtime pool), so one query cannot tie up the database; migrations, backup and restore run without it
   */
  statementTimeoutMs: number;
  /** POST /uploads: bytes per file (refused with 413 past it), and how long an unclaimed upload is kept */
  uploads: { maxBytes: number; pendingMinutes: number };
  /**
   * Node's HTTP server limits, in ms: a whole request (headers and body), its headers alone, and an
   * idle kept-alive connection. Node's defaults let a slow body hold a connection for 300 s.
   */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number };
  /** At start-up, how long an unreachable PostgreSQL (DATABASE_URL) is retried before giving up */
  databaseWaitSeconds: number;
  /** How many months of the audit trail stay in the database; older monthly partitions go to `npm run archive-audit` */
  auditRetentionMonths: number;
}

/** A setting that must not reach production, with what to set instead (one line each). */
export function productionProblems(config: Config, env: NodeJS.ProcessEnv = process.env): string[] {
  if (!config.production) return [];
  const problems: string[] = [];
  if (!env.SECRET_KEY) problems.push('SECRET_KEY is not set (32+ random characters; it encrypts the TOTP secrets)');
  let host = '';
  try {
    host = new URL(config.publicUrl).hostname;
  } catch {
    problems.push(`PUBLIC_URL "${config.publicUrl}" is not a URL`);
  }
  if (!env.PUBLIC_URL || ['localhost', '127.0.0.1', '[::1]', '::1', '0.0.0.0'].includes(host) || host.endsWith('.localhost')) {
    problems.push(`PUBLIC_URL is ${env.PUBLIC_URL ? `"${env.PUBLIC_URL}"` : 'not set'} (the panel's public https:// address, used in e-mail links)`);
  }
  if (!env.MAIL_FROM || /@localhost\b/i.test(config.mailFrom)) {
    problems.push(`MAIL_FROM is ${env.MAIL_FROM ? `"${env.MAIL_FROM}"` : 'not set (default no-reply@localhost)'} (a sender address of your domain)`);
  }
  return problems;
}

/**
 * TRUST_PROXY: the load balancer's addresses or subnets. A blanket yes (1, true, *) would let any
 * client name its own address through X-Forwarded-For, so it is refused.
 */
export function parseTrustProxy(raw: string | undefined): string[] {
  if (!raw?.trim()) return [];
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split('/');
    const family = net.isIP(addr);
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!named && (!family || !prefixOk || extra !== undefined)) {
      throw new Error(
        `TRUST_PROXY must list the proxies' addresses or subnets (e.g. TRUST_PROXY=10.0.0.5 or 10.0.0.0/24,fd00::/8), got "${entry}". ` +
          'A blanket yes (1, true, *) is not accepted: every client could then forge X-Forwarded-For.',
      );
    }
  }
  return entries;
}

/** GRAPHQL_BODY_LIMIT: bytes, or a number with kb / mb */
function size(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
  const value = m ? Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'] : NaN;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a size in bytes (or with kb / mb), got "${raw}"`);
  return value;
}

/** A duration in seconds (fractions allowed, e.g. 0.5), returned in ms */
function seconds(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return Math.round(value * 1000);
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
    // 0.0.0.0 keeps the embedded demo reachable; behind a balancer bind to the private interface
    host: env.HOST || '0.0.0.0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    graphqlBodyLimit: size('GRAPHQL_BODY_LIMIT', 1024 * 1024, env),
    signInLimits: {
      perAddress: int('SIGNIN_MAX_FAILURES_PER_ADDRESS', 10),
      perAccount: int('SIGNIN_MAX_FAILURES_PER_ACCOUNT', 10),
      windowMinutes: int('SIGNIN_WINDOW_MINUTES', 15),
    },
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
    postNoticeMinutes: int('POST_NOTICE_MINUTES', 30),
    publicSubmissionsPerHour: int('PUBLIC_SUBMISSIONS_PER_HOUR', 5),
    statementTimeoutMs: int('STATEMENT_TIMEOUT_MS', 10_000),
    uploads: { maxBytes: int('UPLOAD_MAX_BYTES', 5 * 1024 * 1024), pendingMinutes: int('UPLOAD_PENDING_MINUTES', 60) },
    http: {
      requestTimeoutMs: seconds('HTTP_REQUEST_TIMEOUT_SECONDS', 30, env),
      headersTimeoutMs: seconds('HTTP_HEADERS_TIMEOUT_SECONDS', 10, env),
      keepAliveTimeoutMs: seconds('HTTP_KEEP_ALIVE_TIMEOUT_SECONDS', 5, env),
    },
    databaseWaitSeconds: int('DATABASE_WAIT_SECONDS', 60),
    auditRetentionMonths: int('AUDIT_RETENTION_MONTHS', 5 * 12),
  };
}
