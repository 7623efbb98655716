// The committed admin/graphql/generated/ must be what `npm run codegen` makes of the panel's
// operations (admin/**/*.graphql) and schema.graphql: an operation edited without regenerating,
// or a schema change that breaks an operation, fails here.
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_DIR } from '../../codegen.js';

describe('generated panel operations', () => {
  it('admin/graphql/generated/ is up to date (run `npm run codegen`)', async () => {
    const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
    const generated = new Map(outputs.map((o) => [path.relative(process.cwd(), path.resolve(o.filename)), o.content]));
    const committed = fs.readdirSync(GENERATED_DIR).map((f) => path.join(GENERATED_DIR, f));
    expect([...generated.keys()].sort()).toEqual(committed.sort());
    for (const [file, content] of generated) expect(fs.readFileSync(file, 'utf8'), file).toBe(content);
  });
});
