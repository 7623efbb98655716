// Deny by default is not enough: every operation and every object type must carry an explicit rule.
import { describe, expect, it } from 'vitest';
import { isObjectType } from 'graphql';
import { buildBareSchema } from '../../api/schema.js';
import { ruleTree } from '../../api/authz/permissions.js';

describe('graphql-shield coverage', () => {
  it('every Query and Mutation field has its own named rule', async () => {
    const schema = await buildBareSchema();
    const rules = ruleTree();
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.keys(root!.getFields())) {
        if (!rules[root!.name]?.[field]) missing.push(`${root!.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every object type the API returns has a rule (a type-wide "*" or one per field)', async () => {
    const schema = await buildBareSchema();
    const rules = ruleTree();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query' || type.name === 'Mutation') continue;
      const typeRules = rules[type.name];
      if (!typeRules) {
        missing.push(type.name);
        continue;
      }
      if (!typeRules['*']) for (const f of Object.keys(type.getFields())) if (!typeRules[f]) missing.push(`${type.name}.${f}`);
    }
    expect(missing).toEqual([]);
  });

  it('no rule names a field that does not exist (stale rules hide mistakes)', async () => {
    const schema = await buildBareSchema();
    const stale: string[] = [];
    for (const [typeName, fields] of Object.entries(ruleTree())) {
      const type = schema.getType(typeName);
      if (!type || !isObjectType(type)) {
        stale.push(typeName);
        continue;
      }
      for (const f of Object.keys(fields)) if (f !== '*' && !type.getFields()[f]) stale.push(`${typeName}.${f}`);
    }
    expect(stale).toEqual([]);
  });
});
