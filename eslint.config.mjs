// Lint for the whole workspace. Module boundaries are enforced here (STYLE.md: "a written rule that nothing checks
// is not a rule"): tags live in each project.json.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', '**/.nx', '**/vite.config.*.timestamp*'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              // libs/domain is pure: no ORM, no GraphQL framework, no UI, no I/O (STYLE.md, issue #2).
              bannedExternalImports: [
                'typeorm',
                'type-graphql',
                'graphql',
                '@apollo/*',
                'react',
                'react-*',
                'pg',
                'better-sqlite3',
                'express',
                'node:*',
                'fs',
                'path',
                'http',
                'net',
                'child_process',
              ],
            },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            {
              sourceTag: 'scope:admin',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:admin'],
              bannedExternalImports: ['typeorm', 'type-graphql', 'pg', 'better-sqlite3'],
            },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:data'] },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // type-graphql and TypeORM read `design:type`: a class used only in a decorated signature must stay a value import.
    languageOptions: { parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Issue #7: apps/api maps GraphQL to use cases and back; every read and write is a query or command object in
    // libs/persistence. TypeORM is imported only by the composition root (bootstrap.ts) and the test harness, and no
    // SQL dialect is branched on outside libs/persistence.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/bootstrap.ts',
      'apps/api/src/testing/**',
      'apps/api/src/**/__tests__/**',
      'apps/api/src/**/*.spec.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message:
                'apps/api does not use TypeORM: put the read or write in libs/persistence (a query or command object) (issue #7).',
            },
          ],
          patterns: [{ group: ['typeorm/*'], message: 'apps/api does not use TypeORM (issue #7).' }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
        {
          selector:
            'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|getTreeRepository)$/]',
          message: 'Repositories and query builders live in libs/persistence (issue #7).',
        },
        {
          selector: "Identifier[name='ENTITY_DIALECT']",
          message: 'No SQL dialect branches outside libs/persistence (issue #7).',
        },
      ],
    },
  },
  {
    files: ['**/*.config.*', '**/vite.config.ts', 'eslint.config.mjs', 'jest.preset.js', '**/jest.config.js'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': 'off',
    },
  },
  {
    // Tests may assert non-null after checking the response shape; production code may not.
    files: ['**/__tests__/**', '**/*.spec.ts', '**/*.spec.tsx', '**/testing/**', 'apps/admin-e2e/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
];
