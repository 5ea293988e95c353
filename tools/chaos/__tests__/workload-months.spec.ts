/**
 * The chaos workload's contribution calendar (R-ACC-4): months count back from the current month, never one that has
 * not come; a family or pair that has credited every month back to FIRST_MONTH gets other operations; the same seed
 * and current month give the same requests. No server: the requests are only generated.
 */
import type { Population } from '../population';
import { Rng } from '../rng';
import {
  FIRST_MONTH,
  type Op,
  Workload,
  expectedBalances,
  monthOf,
  monthsAvailable,
  pocketOfMonth,
} from '../workload';

const person = (id: string) => ({ id, idNumber: id, regionCode: '110000', name: id, phone: id });

const POPULATION: Population = {
  token: 't',
  families: [{ providers: [person('p1'), person('p2')], beneficiary: person('b') }],
  pairs: [{ hebei: person('h'), shandong: person('s') }],
  hospitals: { beijing: 'hb', hebei: 'hh', shandong: 'hs' },
  creditable: [],
};

/** `n` requests of one client, generated only (nothing is sent). */
function generate(currentMonth: string, seed: number, n: number): Op[] {
  const workload = new Workload(POPULATION, [], {
    clientTimeoutMs: 1,
    inlineAttempts: 1,
    runId: 'test',
    creditKeys: true,
    currentMonth,
  });
  const rng = new Rng(seed);
  const gen = workload as unknown as { generate(client: number, rng: Rng): Op };
  for (let i = 0; i < n; i++) gen.generate(0, rng);
  return workload.ops;
}

describe('chaos workload: contribution months (R-ACC-4)', () => {
  it('month 0 is the current month, then one month earlier each; 300 months from 2026-12 back to 2002-01', () => {
    expect([0, 1, 11, 12].map((k) => monthOf(k, '2026-12'))).toEqual([
      '2026-12',
      '2026-11',
      '2026-01',
      '2025-12',
    ]);
    expect(monthsAvailable('2026-12')).toBe(300);
    expect(monthOf(299, '2026-12')).toBe(FIRST_MONTH);
    expect(monthOf(0, '2027-01')).toBe('2027-01');
  });

  it('months before 2022-09 are credited to LEGACY, from 2022-09 to EARMARKED (R-ACC-3/4)', () => {
    expect(pocketOfMonth('2022-08')).toBe('LEGACY');
    expect(pocketOfMonth('2022-09')).toBe('EARMARKED');
    const op = (month: string): Op => ({
      seq: 0,
      kind: 'contributionsCredit',
      client: 0,
      key: null,
      input: { month },
      attempts: 1,
      unknownReasons: [],
      state: 'applied',
      creditRows: [{ personId: 'p1', amount: '10.00', outcome: 'CREDITED' }],
    });
    expect(expectedBalances([op('2022-08'), op('2022-09'), op('2026-12')])).toEqual(
      new Map([
        ['p1:LEGACY', 1000n],
        ['p1:EARMARKED', 2000n],
      ]),
    );
  });

  it('never a month after the current one; each person-month once; credits stop when the months are used', () => {
    const ops = generate('2026-12', 11, 8_000);
    const credits = ops.filter((o) => o.kind === 'contributionsCredit');
    const months = credits.map((o) => String(o.input['month']));
    expect(months.every((m) => m >= FIRST_MONTH && m < '2026-12')).toBe(true); // month 0 is the opening credit
    // Two groups (one family, one pair), each with 299 months after the opening one: all used, none twice.
    expect(credits).toHaveLength(2 * 299);
    const personMonths = credits.flatMap((o) =>
      (o.input['rows'] as { personId: string }[]).map((r) => `${r.personId}:${String(o.input['month'])}`),
    );
    expect(new Set(personMonths).size).toBe(personMonths.length);
    // After the last credit the other kinds keep coming.
    expect(ops.length).toBe(8_000);
    expect(ops.slice(ops.indexOf(credits[credits.length - 1]) + 1).length).toBeGreaterThan(100);
  });

  it('the same seed and current month give the same requests', () => {
    const strip = (ops: Op[]) => ops.map((o) => [o.kind, o.input]);
    expect(strip(generate('2026-12', 7, 3_000))).toEqual(strip(generate('2026-12', 7, 3_000)));
    expect(strip(generate('2026-12', 7, 3_000))).not.toEqual(strip(generate('2026-12', 8, 3_000)));
  });
});
