#!/usr/bin/env node
// `npm test`: every check, in order, with a summary table. Same command locally and in CI (.ci/run).
//   lint + typecheck → schema check → unit/integration tests on SQLite → the same on PostgreSQL → browser e2e.
// PostgreSQL suites fail in CI when the server is unreachable and are loudly SKIPPED locally (with-postgres.mjs).
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const nx = (...args) => ['npx', 'nx', ...args, '--outputStyle=static'];
const phases = [
  ['format', ['npx', 'prettier', '--check', '.', '--log-level', 'warn']],
  ['lint', nx('run-many', '-t', 'lint', '--parallel=2')],
  ['typecheck', nx('run-many', '-t', 'typecheck', '--parallel=2')],
  ['schema', nx('run', 'api:schema-check')],
  ['test (sqlite)', nx('run-many', '-t', 'test', '--parallel=1')],
  ['test (postgres)', nx('run-many', '-t', 'test-pg', '--parallel=1')],
  ['e2e (chromium)', nx('run-many', '-t', 'e2e', '--parallel=1')],
];

const only = process.argv.slice(2);
const results = [];
for (const [name, [cmd, ...args]] of phases) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  results.push({ name, ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  if (r.status !== 0 && !process.env.GONGJI_TEST_KEEP_GOING) break;
}
console.log('\n| phase | result | seconds |\n|---|---|---|');
for (const r of results) console.log(`| ${r.name} | ${r.ok ? 'pass' : 'FAIL'} | ${r.seconds} |`);
const failed = results.filter((r) => !r.ok);
if (failed.length || results.length === 0) process.exit(1);
