import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for every operation of the UI, from the schema the service prints. Codegen
// validates each operation against schema.graphql, so a schema change that breaks one fails here,
// and a changed field type fails `tsc` where the UI uses it.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          PartialDate: 'string',
          DateTimeISO: 'string',
          URL: 'string',
          EmailAddress: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
  silent: true,
};

export default config;
