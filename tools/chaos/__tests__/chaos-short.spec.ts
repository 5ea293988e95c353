/**
 * The short variant of the chaos bank test (issue #11) inside `npm test` (phase "test (postgres)", target
 * tools:test-pg): a minute of 32 clients against two production API processes, every fault kind at least once
 * (API SIGKILL and SIGSTOP, PostgreSQL immediate restart, connection reset, stall and latency through the proxy),
 * then every check of `npm run chaos` must hold. PostgreSQL runs in a throwaway cluster started by the test; the
 * shared server is only used by with-postgres.mjs to decide that PostgreSQL is available here.
 */
import type { ChaosReport } from '../run-chaos';
import { FAULT_KINDS } from '../faults';

const DURATION_S = Number(process.env['CHAOS_CI_DURATION_S'] ?? 60);

describe('chaos bank test, short variant (issue #11)', () => {
  let report: ChaosReport;

  beforeAll(async () => {
    expect(process.env['DATABASE_URL']).toMatch(/^postgres/); // the entities' column types are PostgreSQL's
    const { formatReport, runChaos } = await import('../run-chaos');
    const lines: string[] = [];
    report = await runChaos({
      seed: Number(process.env['CHAOS_SEED'] ?? 11),
      durationS: DURATION_S,
      clients: 32,
      faults: 8,
      clientTimeoutMs: 3000,
      pgPort: 0,
      families: 4,
      pairs: 2,
      log: (line) => lines.push(line),
    });
    console.log(`${lines.join('\n')}\n${formatReport(report)}`);
  }, 600_000);

  it('injects every kind of fault at least once', () => {
    for (const kind of FAULT_KINDS)
      expect(report.faults.filter((f) => f.kind === kind).length).toBeGreaterThan(0);
  });

  it('runs every money mutation, and some of them had an unknown outcome that a retry with the same key resolved', () => {
    for (const kind of [
      'settlementConfirm',
      'settlementCancel',
      'refundIssue',
      'premiumPay',
      'walletTransfer',
      'contributionsCredit',
    ])
      expect(report.ops.filter((o) => o.kind === kind && o.state === 'applied').length).toBeGreaterThan(0);
    expect(report.ops.length).toBeGreaterThan(300);
    expect(
      report.ops.filter((o) => o.unknownReasons.length > 0 && o.state === 'applied').length,
    ).toBeGreaterThan(0);
    expect(report.ops.filter((o) => o.state === 'unknown' || o.state === 'pending')).toEqual([]);
  });

  it('keeps every invariant: conservation, no negative pocket, balances = postings, accumulators, exactly once, registered order, whole transfers', () => {
    for (const check of report.checks)
      expect({ check: check.name, violations: check.violations }).toEqual({
        check: check.name,
        violations: [],
      });
    expect(report.checks.length).toBe(7);
    expect(report.violations).toBe(0);
  });

  it('no API process died by itself', () => {
    expect(report.crashes).toEqual([]);
  });
});
