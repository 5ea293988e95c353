#!/usr/bin/env node
// Runs a command against real PostgreSQL: sets DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, or
// GONGJI_TEST_POSTGRES_URL) after checking the server answers. In CI (CI=true) an unreachable server fails the run;
// locally it prints a loud SKIPPED banner and exits 0, so a laptop without PostgreSQL can still run `npm test`.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const url = process.env.GONGJI_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const { hostname, port } = new URL(url);

function reachable() {
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: with-postgres.mjs <command> [args...]');
  process.exit(2);
}
if (!(await reachable())) {
  const line = '!'.repeat(78);
  const msg = `PostgreSQL is not reachable at ${hostname}:${port || 5432}.`;
  if (process.env.CI) {
    console.error(`${line}\n${msg} CI requires it: failing.\n${line}`);
    process.exit(1);
  }
  console.warn(`${line}\n${msg}\nPOSTGRESQL SUITE SKIPPED: ${[cmd, ...args].join(' ')}\n${line}`);
  process.exit(0);
}
const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } });
process.exit(result.status ?? 1);
