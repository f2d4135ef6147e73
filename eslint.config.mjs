// @ts-check
// ESLint flat config: ESLint's and typescript-eslint's recommended rules with type information, a few
// type-aware rules on top, and eslint-config-prettier last so that no rule argues with Prettier.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'coverage/', '.data/', 'bench/results/', 'bench/scratch/', 'web/src/gql/']),
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Type information from the tsconfig.json that includes each file.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // tsconfig.json sets both; said here too so that consistent-type-imports knows about decorator
        // metadata even without type information: it then leaves the imports of files with decorators
        // alone, since type-graphql and TypeORM read the classes named in decorated signatures at run time.
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // As tsc's noUnusedLocals: an underscore name or a rest sibling leaves a value out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Apollo's plugin hooks, jest's test tables and AsyncIterable producers take functions that
      // return promises; `async` without `await` is the plain way to write one. Forgotten awaits are
      // no-floating-promises' and await-thenable's to find.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // jest's asymmetric matchers (expect.any, expect.stringMatching, ...) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // Plain JavaScript (jest.config.js, this file, a test helper): no tsconfig covers it.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS: require() is how it loads modules.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
