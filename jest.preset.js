// Shared jest settings: @swc/jest with decorator metadata (type-graphql and TypeORM read `design:type`).
const path = require('node:path');

/** @param {string} projectDir absolute path of the project using the preset */
function preset(projectDir, extra = {}) {
  return {
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            keepClassNames: true,
          },
          module: { type: 'commonjs' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
    moduleNameMapper: {
      '^@gongji/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
      '^@gongji/domain/testing$': path.join(__dirname, 'libs/domain/src/testing.ts'),
      '^@gongji/persistence$': path.join(__dirname, 'libs/persistence/src/index.ts'),
      '^@gongji/persistence/testing$': path.join(__dirname, 'libs/persistence/src/testing.ts'),
    },
    testMatch: ['**/?(*.)+(spec|test).ts?(x)'],
    ...extra,
  };
}

module.exports = { preset };
