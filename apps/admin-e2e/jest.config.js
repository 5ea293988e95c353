// Browser acceptance test: the built console served by the real built API, driven by headless Chromium.
module.exports = require('../../jest.preset').preset(__dirname, {
  displayName: 'admin-e2e',
  testTimeout: 120000,
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  maxWorkers: 1,
});
