// The per-field wrappers a request pays for: a row's plain fields answer synchronously (no
// middleware chain around each cell). That mutations still run in one transaction: transactions.test.ts.
import { describe, expect, it } from 'vitest';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { buildAppSchema, buildBareSchema } from '../../api/schema.js';

describe('per-field wrappers of the application schema', () => {
  it('a plain field of a row answers at once, not through an async middleware chain', async () => {
    const schema = await buildAppSchema();
    for (const [type, field] of [
      ['User', 'name'],
      ['Office', 'name'],
      ['RosterRow', 'officeName'],
    ] as const) {
      const f = (schema.getType(type) as GraphQLObjectType).getFields()[field];
      const info = { parentType: schema.getType(type), fieldName: field, schema } as unknown as GraphQLResolveInfo;
      // with a type-graphql global middleware this was a Promise for every cell of every row
      const value = f.resolve ? f.resolve({ [field]: 'x' }, {}, {}, info) : 'x';
      expect(value, `${type}.${field}`).toBe('x');
    }
  });

  it("a plain field keeps graphql-js's default resolver (type-graphql builds one per field otherwise)", async () => {
    const schema = await buildBareSchema();
    for (const [type, field] of [
      ['User', 'name'],
      ['Office', 'name'],
      ['Room', 'name'],
      ['Post', 'body'],
    ] as const) {
      expect((schema.getType(type) as GraphQLObjectType).getFields()[field].resolve, `${type}.${field}`).toBeUndefined();
    }
    // a FieldResolver keeps its own
    expect((schema.getType('Room') as GraphQLObjectType).getFields().members.resolve).toBeTypeOf('function');
  });

  it('a post read with its page answers author, readCount and readByMe from the row, not through a loader promise', async () => {
    const schema = await buildAppSchema();
    const fields = (schema.getType('Post') as GraphQLObjectType).getFields();
    const author = { id: 'u1', name: '訪問 看護', nameKana: 'ホウモン カンゴ', jobType: 'NURSE', officeId: null, officeName: null };
    const row = { id: 'p1', author: { id: 'u1' }, room: { id: 'r1' }, read: { author, readCount: 3, readByMe: true } };
    const info = (fieldName: string) => ({ parentType: schema.getType('Post'), fieldName, schema, path: { key: fieldName } }) as unknown as GraphQLResolveInfo;
    expect(fields.author.resolve!(row, {}, {}, info('author'))).toBe(author);
    expect(fields.readCount.resolve!(row, {}, {}, info('readCount'))).toBe(3);
    expect(fields.readByMe.resolve!(row, {}, {}, info('readByMe'))).toBe(true);
  });
});
