// The API's schema, bundled with the panel: production servers answer no introspection query,
// so the introspection result is computed here from the committed schema.graphql.
import { buildSchema, introspectionFromSchema } from 'graphql';
import type { IntrospectionField, IntrospectionInputObjectType, IntrospectionInputValue, IntrospectionObjectType, IntrospectionSchema, IntrospectionType, IntrospectionTypeRef } from 'graphql';
import sdl from '../../schema.graphql?raw';

export const introspectionSchema: IntrospectionSchema = introspectionFromSchema(buildSchema(sdl)).__schema;

export function findType(schema: IntrospectionSchema, name: string): IntrospectionType {
  const type = schema.types.find((t) => t.name === name);
  if (!type) throw new Error(`Type ${name} is not in the schema`);
  return type;
}

export function objectType(schema: IntrospectionSchema, name: string): IntrospectionObjectType {
  const type = findType(schema, name);
  if (type.kind !== 'OBJECT') throw new Error(`${name} is not an object type`);
  return type;
}

export function inputType(schema: IntrospectionSchema, name: string): IntrospectionInputObjectType {
  const type = findType(schema, name);
  if (type.kind !== 'INPUT_OBJECT') throw new Error(`${name} is not an input type`);
  return type;
}

/** A field of Query or Mutation. */
export function operationField(schema: IntrospectionSchema, kind: 'query' | 'mutation', name: string): IntrospectionField {
  const root = kind === 'query' ? schema.queryType.name : schema.mutationType?.name;
  const field = objectType(schema, root ?? 'Mutation').fields.find((f) => f.name === name);
  if (!field) throw new Error(`${kind} ${name} is not in the schema`);
  return field;
}

/** The named type under NON_NULL / LIST wrappers. */
export function namedType(ref: IntrospectionTypeRef): { kind: string; name: string } {
  let t: IntrospectionTypeRef = ref;
  while (t.kind === 'NON_NULL' || t.kind === 'LIST') t = t.ofType;
  return t as { kind: string; name: string };
}

/** The type as written in a variable definition, e.g. `OfficeInput!` or `[ID!]`. */
export function printTypeRef(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printTypeRef(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${printTypeRef(ref.ofType)}]`;
  return ref.name;
}

export const isNonNull = (value: IntrospectionInputValue) => value.type.kind === 'NON_NULL';
export const isLeaf = (ref: IntrospectionTypeRef) => ['SCALAR', 'ENUM'].includes(namedType(ref).kind);
