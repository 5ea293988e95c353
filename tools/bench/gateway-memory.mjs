#!/usr/bin/env node
// `npm run bench:gateway-memory`: does the gateway's memory stay bounded under hostile documents? Starts the built API
// (dist/apps/api, or BENCH_API_DIST) on a fresh SQLite file, as in production by default (BENCH_NODE_ENV), sends
// BENCH_REQUESTS anonymous requests whose operation names are distinct and 400 kB long (each name once became a
// metrics label and a cached document: a black-box audit grew the server from 207 MB to 1.05 GB), and prints the
// server's resident memory before, after, and after a forced garbage collection, with the metrics series it holds.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const dist = process.env.BENCH_API_DIST ?? 'dist/apps/api';
const nodeEnv = process.env.BENCH_NODE_ENV ?? 'production';
const requests = Number(process.env.BENCH_REQUESTS ?? 400);
const dir = mkdtempSync(path.join(tmpdir(), 'gongji-gw-mem-'));
const port = 39_000 + Math.floor(Math.random() * 900);
const metricsToken = 'bench-metrics-token-of-at-least-32-characters';
// On SIGUSR2 the server collects garbage twice (node --expose-gc), so "after GC" is what is really retained.
const gcHook = path.join(dir, 'gc-hook.cjs');
await import('node:fs').then((fs) =>
  fs.writeFileSync(
    gcHook,
    "process.on('SIGUSR2', () => { if (global.gc) { global.gc(); global.gc(); } });\n",
  ),
);
const server = spawn(process.execPath, ['--expose-gc', '-r', gcHook, path.join(dist, 'main.js')], {
  env: {
    ...process.env,
    NODE_ENV: nodeEnv,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path.join(dir, 'db.sqlite')}`,
    GONGJI_SECRET: 'bench-only-secret-of-at-least-32-characters!',
    GONGJI_PAYMENT_PEPPER: 'bench-only-pepper-of-at-least-32-characters',
    GONGJI_METRICS_TOKEN: metricsToken,
    GONGJI_ADMIN_DIR: '',
    LOG_LEVEL: 'error',
    GONGJI_RATE_LIMITS: 'anonymous=100000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const rssMiB = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
const url = `http://127.0.0.1:${port}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  for (let i = 0; ; i++) {
    if (i > 240) throw new Error('the API did not start');
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  const post = (query) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  for (let i = 0; i < 20; i++) await (await post('{ __typename }')).arrayBuffer();
  const before = rssMiB();
  const pad = 'A'.repeat(400_000);
  const statuses = {};
  for (let i = 0; i < requests; i++) {
    const res = await post(`query Z${i}${pad} { __typename }`);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    await res.arrayBuffer();
  }
  await sleep(2000);
  const after = rssMiB();
  server.kill('SIGUSR2');
  await sleep(1500);
  const afterGc = rssMiB();
  const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = metrics.ok ? await metrics.text() : '';
  const series = (text.match(/^gongji_graphql_operations_total\{/gm) ?? []).length;
  console.log(
    `\nGateway memory under ${requests} distinct 400 kB operation names (NODE_ENV=${nodeEnv}, ${dist})\n`,
  );
  console.log(
    '| requests | HTTP statuses | RSS before MiB | RSS after MiB | RSS after GC MiB | /metrics bytes | operation series |',
  );
  console.log('|---|---|---|---|---|---|---|');
  console.log(
    `| ${requests} | ${Object.entries(statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(
        ' ',
      )} | ${before.toFixed(0)} | ${after.toFixed(0)} | ${afterGc.toFixed(0)} | ${metrics.ok ? text.length : `HTTP ${metrics.status}`} | ${metrics.ok ? series : '—'} |`,
  );
} finally {
  server.kill('SIGTERM');
  await sleep(300);
  rmSync(dir, { recursive: true, force: true });
}
