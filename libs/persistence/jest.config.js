const { preset } = require('../../jest.preset');

module.exports = preset(__dirname, {
  displayName: `persistence:${process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite'}`,
  testTimeout: 30000,
});
