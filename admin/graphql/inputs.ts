// Form values → GraphQL input objects. A record carries id, version, createdAt, related objects
// and __typename; an input may contain only the fields its input type declares, so the allowed
// list is read from the schema, never written by hand.
import type { IntrospectionInputValue, IntrospectionSchema, IntrospectionTypeRef } from 'graphql';
import { inputType, namedType } from './schema';

function convert(schema: IntrospectionSchema, ref: IntrospectionTypeRef, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const named = namedType(ref);
  if (named.kind !== 'INPUT_OBJECT') return value;
  if (Array.isArray(value)) return value.map((v) => toInput(schema, named.name, v as Record<string, unknown>));
  return toInput(schema, named.name, value as Record<string, unknown>);
}

function fieldValue(schema: IntrospectionSchema, field: IntrospectionInputValue, raw: unknown): { value?: unknown; omit?: boolean } {
  const value = convert(schema, field.type, raw);
  if (value !== null && value !== undefined) return { value };
  if (field.type.kind !== 'NON_NULL') return { value: null };
  // a required field the form left empty: its default, or '' for text (the server then answers REQUIRED for that field)
  if (field.defaultValue != null) return { omit: true };
  if (namedType(field.type).name === 'String') return { value: '' };
  return { value: null };
}

/** Keeps the fields of input type `typeName` only, recursively. */
export function toInput(schema: IntrospectionSchema, typeName: string, data: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of inputType(schema, typeName).inputFields) {
    const { value, omit } = fieldValue(schema, field, data?.[field.name]);
    if (!omit) out[field.name] = value;
  }
  return out;
}

/**
 * Variables for a mutation from a form's values: an argument named `input` takes the form
 * itself, another input-object argument (createUser's `account`) the form's sub-object of that
 * name, a plain argument (createOffice's `municipalityId`) the form field of that name.
 */
export function mutationVariables(schema: IntrospectionSchema, args: readonly IntrospectionInputValue[], data: Record<string, unknown>, fixed: Record<string, unknown> = {}): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    if (arg.name in fixed) {
      variables[arg.name] = fixed[arg.name];
      continue;
    }
    const named = namedType(arg.type);
    if (named.kind === 'INPUT_OBJECT') {
      const source = arg.name === 'input' ? data : (data[arg.name] as Record<string, unknown> | undefined);
      variables[arg.name] = toInput(schema, named.name, source ?? {});
    } else {
      const value = data[arg.name];
      variables[arg.name] = value === '' || value === undefined ? null : value;
    }
  }
  return variables;
}
