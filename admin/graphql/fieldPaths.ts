// Which form input a server field error belongs to. Forms are shaped like the mutation's
// arguments: the `input` fields at the top level, another input object (createUser's `account`)
// nested under its argument name, plain arguments (createOffice's `municipalityId`) at the top.
import type { IntrospectionSchema } from 'graphql';
import type { FieldPathMapper } from './errors';
import { operationField, inputType, namedType } from './schema';

export function fieldPathMapper(schema: IntrospectionSchema, mutation: string): FieldPathMapper {
  const args = operationField(schema, 'mutation', mutation).args;
  const inputFields = (argName: string): string[] => {
    const arg = args.find((a) => a.name === argName);
    const named = arg ? namedType(arg.type) : null;
    return named?.kind === 'INPUT_OBJECT' ? inputType(schema, named.name).inputFields.map((f) => f.name) : [];
  };
  return (field) => {
    if (field.includes('.')) return field;
    if (inputFields('input').includes(field) || args.some((a) => a.name === field)) return field;
    const owner = args.find((a) => a.name !== 'input' && inputFields(a.name).includes(field));
    return owner ? `${owner.name}.${field}` : field;
  };
}
