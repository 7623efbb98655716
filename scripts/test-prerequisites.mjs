#!/usr/bin/env node
// What `npm test` needs beyond npm packages: Debian's Chromium (the browser tests drive it with
// playwright-core) with a Japanese font, and PostgreSQL 15's pg_dump/pg_restore (the backup test;
// the embedded server is 15). Run before the tests: installs what is missing when it can (root on Debian, as CI and a
// fresh machine here are), otherwise stops at once with one line saying what to install, instead
// of dozens of failing browser tests.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const env = process.env;

/** Is there a runnable program here, or on PATH? */
function found(candidates) {
  for (const c of candidates.filter(Boolean)) {
    if (c.includes('/')) {
      if (fs.existsSync(c)) return c;
    } else if (spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0) return c;
  }
  return null;
}

function pgDump15() {
  const candidates = [env.PG_BINDIR && path.join(env.PG_BINDIR, 'pg_dump'), '/usr/lib/postgresql/15/bin/pg_dump', 'pg_dump'];
  for (const c of candidates.filter(Boolean)) {
    if (!found([c])) continue;
    const version = spawnSync(c, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    if (/\(PostgreSQL\) 15\./.test(version)) return c;
  }
  return null;
}

/** A font with Japanese glyphs, as fontconfig (Chromium's font lookup) sees it. */
function japaneseFont() {
  return (spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
}

const needs = [
  { what: 'Chromium', pkg: 'chromium', ok: () => found([env.CHROMIUM_PATH ?? '/usr/bin/chromium']) },
  { what: "PostgreSQL 15's pg_dump", pkg: 'postgresql-client-15', ok: pgDump15 },
  // the printable-forms test reads the PDFs back: text (pdftotext) and page 1 rendered (pdftoppm)
  { what: 'pdftotext and pdftoppm', pkg: 'poppler-utils', ok: () => found(['pdftotext']) && found(['pdftoppm']) },
  // the layout tests measure Japanese text as a user's phone renders it: without a Japanese font
  // Chromium draws boxes of other widths, and a table header that fits is reported squeezed
  { what: 'a Japanese font (Noto CJK)', pkg: 'fonts-noto-cjk', ok: japaneseFont },
];

let missing = needs.filter((n) => !n.ok());
const canInstall = env.TEST_PREREQUISITES_INSTALL !== 'no' && process.getuid?.() === 0 && found(['apt-get']);
if (missing.length > 0 && canInstall) {
  console.log(`npm test: installing ${missing.map((n) => n.pkg).join(', ')} (apt-get)…`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing.map((n) => n.pkg)], { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv });
  } catch {
    // reported below as still missing
  }
  missing = needs.filter((n) => !n.ok());
}
if (missing.length > 0) {
  console.error(
    `npm test needs ${missing.map((n) => n.what).join(' and ')}: install with \`apt-get install ${missing.map((n) => n.pkg).join(' ')}\` (Debian)${
      missing.some((n) => n.pkg === 'chromium' || n.pkg === 'postgresql-client-15')
        ? `, or set ${missing
            .filter((n) => n.pkg === 'chromium' || n.pkg === 'postgresql-client-15')
            .map((n) => (n.pkg === 'chromium' ? 'CHROMIUM_PATH' : 'PG_BINDIR'))
            .join(' / ')}`
        : ''
    }.`,
  );
  process.exit(1);
}
