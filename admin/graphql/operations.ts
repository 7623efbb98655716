// GraphQL documents built from the schema: one operation per call, every argument a variable,
// the selection being all plain fields of the returned type plus a summary of related records.
import { parse, type DocumentNode, type IntrospectionField, type IntrospectionSchema } from 'graphql';
import { isLeaf, namedType, objectType, operationField, printTypeRef } from './schema';
import { SUMMARY_FIELDS } from './resources';

/** The selection set for a record type: its leaves and `{ summary }` of related records. */
export function recordSelection(schema: IntrospectionSchema, typeName: string): string {
  const parts = objectType(schema, typeName)
    .fields.filter((f) => !f.args.some((a) => a.type.kind === 'NON_NULL'))
    .map((f) => {
      if (isLeaf(f.type)) return f.name;
      const related = objectType(schema, namedType(f.type).name);
      const summary = related.fields.filter((r) => isLeaf(r.type) && SUMMARY_FIELDS.includes(r.name)).map((r) => r.name);
      return summary.length > 0 ? `${f.name} { ${summary.join(' ')} }` : null;
    })
    .filter((p): p is string => p !== null);
  return `{ ${parts.join(' ')} }`;
}

/** The selection for what an operation returns: a record, a page `{ items total }`, a list or a leaf. */
function resultSelection(schema: IntrospectionSchema, field: IntrospectionField): string {
  if (isLeaf(field.type)) return '';
  const type = objectType(schema, namedType(field.type).name);
  const items = type.fields.find((f) => f.name === 'items');
  if (items && type.fields.some((f) => f.name === 'total')) {
    return `{ items ${recordSelection(schema, namedType(items.type).name)} total }`;
  }
  return recordSelection(schema, type.name);
}

export interface Operation {
  document: DocumentNode;
  field: IntrospectionField;
}

const cache = new Map<string, Operation>();

/**
 * `query offices($filter: OfficeFilter, $sort: OfficeSort, $page: PageInput) { data: offices(filter: $filter, ...) {...} }`
 * The result is always under `data`.
 */
export function buildOperation(schema: IntrospectionSchema, kind: 'query' | 'mutation', name: string): Operation {
  const key = `${kind}:${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const field = operationField(schema, kind, name);
  const defs = field.args.map((a) => `$${a.name}: ${printTypeRef(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const text = `${kind} ${name}${defs ? `(${defs})` : ''} { data: ${name}${args ? `(${args})` : ''} ${resultSelection(schema, field)} }`;
  const operation = { document: parse(text), field };
  cache.set(key, operation);
  return operation;
}
