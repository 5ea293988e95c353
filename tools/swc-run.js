// Runs a TypeScript tool with @swc/core as a light require hook (no TypeScript compiler, no source maps kept in
// memory): `node tools/swc-run.js tools/credit/credit.ts …`. For the bulk tools whose peak memory is measured (issue
// #11); tools/ts-run.sh stays the general runner.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: false,
};
require.extensions['.ts'] = function compile(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
process.chdir(path.resolve(__dirname, '..'));
require('./register-paths.js');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(script), ...args];
require(path.resolve(script));
