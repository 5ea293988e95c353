const { preset } = require('../../jest.preset');

module.exports = preset(__dirname, {
  displayName: `api:${process.env.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite'}`,
  testTimeout: 60000,
});
