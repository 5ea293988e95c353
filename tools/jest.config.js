const { preset } = require('../jest.preset');

module.exports = preset(__dirname, { displayName: 'tools', testPathIgnorePatterns: ['/node_modules/'] });
