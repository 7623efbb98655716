// `npm test` on a fresh machine: its first step (scripts/test-prerequisites.mjs) installs Chromium
// and PostgreSQL 15's client when it can, and otherwise stops at once with one line saying what
// to install — not sixty failing browser tests.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (env: Record<string, string>) => spawnSync(process.execPath, ['scripts/test-prerequisites.mjs'], { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('npm test prerequisites', () => {
  it('passes quietly when Chromium and pg_dump 15 are there', () => {
    const r = run({});
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('stops with one line naming what to install when it cannot install', () => {
    const r = run({ CHROMIUM_PATH: '/nonexistent/chromium', PG_BINDIR: '/nonexistent', PATH: '/usr/bin:/bin', TEST_PREREQUISITES_INSTALL: 'no' });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('apt-get install chromium');
  });
});
