// npm run migration:create: diff the entities against a scratch database migrated to the current
// head, write the difference as a new migration in migrations/, and list it in migrations/index.ts.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, migrate } from './orm.js';
import { ensureDatabase, startEmbeddedPostgres } from './embedded.js';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zaitaku-migration-'));
  const pg = await startEmbeddedPostgres(dir, 55000 + Math.floor(Math.random() * 5000));
  try {
    await ensureDatabase(pg.url(), 'scratch');
    const orm = await connect(pg.url('scratch'));
    await migrate(orm);
    const initial = (await orm.getMigrator().getExecutedMigrations()).length === 0;
    const result = await orm.getMigrator().createMigration(path.resolve('migrations'), false, initial);
    await orm.close(true);
    if (!result.fileName) {
      console.log('No changes: entities and migrations agree.');
      return;
    }
    const className = result.fileName.replace(/\.ts$/, '');
    const indexFile = path.resolve('migrations/index.ts');
    let index = fs.readFileSync(indexFile, 'utf8');
    index = `import { ${className} } from './${className}.js';\n${index}`;
    index = index.replace(/\];\s*$/, `  { name: '${className}', class: ${className} },\n];\n`);
    fs.writeFileSync(indexFile, index);
    console.log(`Wrote migrations/${result.fileName} and listed it in migrations/index.ts`);
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
