// Registers the workspace's TypeScript path aliases (@gongji/*) for scripts run with ts-node from the repository
// root: `node -r ts-node/register/transpile-only -r ./tools/register-paths.js tools/….ts`.
const path = require('node:path');
const fs = require('node:fs');
const { register } = require('tsconfig-paths');

const root = path.resolve(__dirname, '..');
const base = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: base.compilerOptions.paths, addMatchAll: false });
