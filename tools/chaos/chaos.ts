/**
 * `npm run chaos` — the Jepsen-style bank test with faults (issue #11), seeded and reproducible:
 *
 *   npm run chaos                                   # 420 s, 32 clients, 65 faults, seed 1
 *   CHAOS_SEED=7 CHAOS_DURATION_S=90 CHAOS_FAULTS=8 npm run chaos
 *   npm run chaos -- --seed 7 --duration 90 --clients 16 --faults 8
 *
 * Environment / flags: CHAOS_SEED (--seed), CHAOS_DURATION_S (--duration), CHAOS_CLIENTS (--clients), CHAOS_FAULTS
 * (--faults, default one per 6.5 s, at least 6), CHAOS_CLIENT_TIMEOUT_MS (--timeout, 3000), CHAOS_PG_PORT (--pg-port,
 * default 0: a free port), CHAOS_FAMILIES (--families, 4), CHAOS_PAIRS (--pairs, 2). The seed fixes the population, every client's
 * request stream and the fault schedule (kinds, times, targets, durations); thread interleavings are not fixed.
 * Contribution months count back from the current month in China (never one that has not come, R-ACC-4), so a run in
 * another month credits other month names in the same pattern.
 * Needs PostgreSQL server binaries (initdb, pg_ctl; PG_BIN to choose) and the built API (`npm run chaos` builds it).
 * Prints the tables and every violation; exits 1 on any violation, 2 when the harness itself failed.
 */
function option(flag: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(`--${flag}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${flag} / ${env} must be a non-negative number, got "${raw}"`);
  return n;
}

async function main(): Promise<number> {
  // The entities pick their column types from DATABASE_URL when first imported: this process talks PostgreSQL.
  process.env['DATABASE_URL'] = 'postgres://chaos@127.0.0.1/chaos';
  const { formatReport, runChaos } = await import('./run-chaos');
  // 420 s: enough for the acceptance's 20,000 operations and 30 faults even on a 2-core machine shared with other work.
  const durationS = option('duration', 'CHAOS_DURATION_S', 420);
  const started = Date.now();
  const report = await runChaos({
    seed: option('seed', 'CHAOS_SEED', 1),
    durationS,
    clients: option('clients', 'CHAOS_CLIENTS', 32),
    faults: option('faults', 'CHAOS_FAULTS', Math.max(6, Math.round(durationS / 6.5))),
    clientTimeoutMs: option('timeout', 'CHAOS_CLIENT_TIMEOUT_MS', 3000),
    pgPort: option('pg-port', 'CHAOS_PG_PORT', 0),
    families: option('families', 'CHAOS_FAMILIES', 4),
    pairs: option('pairs', 'CHAOS_PAIRS', 2),
    log: (line) => console.log(line),
  });
  console.log(formatReport(report));
  console.log(`(whole run ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return report.violations === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('chaos: the harness failed:', err);
    process.exit(2);
  },
);
