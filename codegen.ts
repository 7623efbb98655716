// GraphQL Code Generator: the panel's operations (admin/**/*.graphql, next to the screens that
// use them) → typed documents and result/variable types in admin/graphql/generated/ (committed;
// `npm run codegen`; tests/api/codegen.test.ts fails when they are stale).
import type { CodegenConfig } from '@graphql-codegen/cli';

export const GENERATED_DIR = 'admin/graphql/generated/';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['admin/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // strings, not parsed documents: the sign-in page sends them with fetch, without graphql-js
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string', DateTimeISO: 'string', JSON: 'any' },
      },
    },
  },
};

export default config;
