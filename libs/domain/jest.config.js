const { preset } = require('../../jest.preset');

module.exports = preset(__dirname, {
  displayName: 'domain',
  coverageDirectory: '../../coverage/libs/domain',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/__tests__/**', '!src/index.ts', '!src/testing.ts'],
  coverageThreshold: { global: { lines: 95 } },
});
