#!/usr/bin/env node
// `npm start`: builds the API and the console (Nx cache makes rebuilds instant), then runs the API, which serves
// GraphQL at /graphql, health at /health and the console at /admin on the embedded SQLite database with demo data
// (unless DATABASE_URL / NODE_ENV say otherwise). Ctrl-C stops it gracefully.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'admin', '--outputStyle=static'],
  {
    stdio: 'inherit',
    env,
  },
);
if (build.status !== 0) {
  console.error('gongji: build failed; see above');
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['dist/apps/api/main.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
