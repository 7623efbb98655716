#!/usr/bin/env node
// Runs before `npm start` (and the operator commands, with --api): building is a step of installing
// or deploying (`npm run build`), not of every start. A built tree starts as is, also with
// NODE_ENV=production and no dev dependencies. Only a checkout whose build is missing or older than
// its sources is built here, and only where the build tools are installed (a developer's clone);
// elsewhere it stops with one line saying to run `npm run build`.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const apiOnly = process.argv.includes('--api');

/** Newest modification time under these paths (files only), skipping build output. */
function newest(paths) {
  let latest = 0;
  const walk = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'dist' && name !== 'node_modules') walk(path.join(p, name));
    } else latest = Math.max(latest, st.mtimeMs);
  };
  for (const p of paths) walk(path.join(root, p));
  return latest;
}

const mtime = (file) => {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return 0;
  }
};

const parts = [
  { name: 'API', output: 'dist/api/main.js', sources: ['api', 'migrations', 'tsconfig.json'], script: 'build:api', tool: 'tsc' },
  ...(apiOnly ? [] : [{ name: 'panel', output: 'admin/dist/index.html', sources: ['admin'], script: 'build:admin', tool: 'vite' }]),
];

for (const part of parts) {
  const built = mtime(part.output);
  if (built && built >= newest(part.sources)) continue;
  const why = built ? `its sources changed since the last build` : `it is not built`;
  if (!fs.existsSync(path.join(root, 'node_modules', '.bin', part.tool))) {
    console.error(`The ${part.name} cannot start: ${why}, and the build tools (dev dependencies) are not installed here: run \`npm install && npm run build\` where they are (README, Deployment).`);
    process.exit(1);
  }
  console.log(`Building the ${part.name} (${why}) ...`);
  execSync(`npm run ${part.script}`, { cwd: root, stdio: 'inherit' });
}
