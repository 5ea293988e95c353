// Production entry of the compiled API (copied to dist/apps/api/main.js by `nx run api:build`): maps the
// workspace aliases (@gongji/*) onto the compiled libraries, then starts the server.
const path = require('node:path');
const { register } = require('tsconfig-paths');

register({
  baseUrl: __dirname,
  paths: {
    '@gongji/domain': ['libs/domain/src/index.js'],
    '@gongji/persistence': ['libs/persistence/src/index.js'],
  },
  addMatchAll: false,
});
require(path.join(__dirname, 'apps/api/src/main.js'));
