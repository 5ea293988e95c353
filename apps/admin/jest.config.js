// Unit specs for the console's pure parts (query building, error mapping); the browser test lives in admin-e2e.
module.exports = require('../../jest.preset').preset(__dirname, { displayName: 'admin' });
