/**
 * `npm run credit` and `npm run generate` refuse a month after the current month (Beijing time) before touching the
 * file or the database (R-ACC-4: nothing was collected for it, so nothing is credited). No database needed: the URL
 * points at a port nobody listens on, so reaching it would fail differently.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { todayInChina } from '../../generate/cli-support';
import { monthRefusalOf } from '../credit-run';

const ROOT = path.resolve(__dirname, '../../..');
const NOWHERE = 'postgres://nobody@127.0.0.1:9/none';

function run(script: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['tools/swc-run.js', script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

/** `YYYY-MM` `n` months after the month of `today`. */
function monthAfter(today: string, n: number): string {
  const [y, m] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe('npm run credit / generate: no credit for a month that has not come (R-ACC-4)', () => {
  it('monthRefusalOf: the current month and earlier pass, the next month is MONTH_IN_FUTURE in both languages', () => {
    expect(monthRefusalOf('2026-12', '2026-12-31')).toBeNull();
    expect(monthRefusalOf('2022-08', '2026-12-01')).toBeNull();
    expect(monthRefusalOf('2027-01', '2026-12-31')).toEqual({
      code: 'MONTH_IN_FUTURE',
      rule: 'R-ACC-4',
      zh: expect.stringContaining('2027-01晚于本月（2026-12'),
      en: expect.stringMatching(/^2027-01 is after the current month \(2026-12, Beijing time\)/),
    });
    expect(monthRefusalOf('2026-13', '2026-12-01')).toMatchObject({ code: 'INVALID_MONTH' });
  });

  it('credit: a future month exits 2 with the reason, before opening the file or the database', async () => {
    const { code, out } = await run('tools/credit/credit.ts', [
      '--month',
      '2027-01',
      '--today',
      '2026-12-31',
      '--file',
      '/nonexistent/contributions.csv',
      '--database-url',
      NOWHERE,
    ]);
    expect(out).toContain('MONTH_IN_FUTURE (R-ACC-4)');
    expect(out).toContain('2027-01 is after the current month (2026-12, Beijing time)');
    expect(out).toContain('该月医保费尚未征收，不能划入');
    expect(out).not.toMatch(/ECONNREFUSED|ENOENT/);
    expect(code).toBe(2);
  }, 60_000);

  it('credit: without --today the business date is today in China (next month refused)', async () => {
    const month = monthAfter(todayInChina(), 1);
    const { code, out } = await run('tools/credit/credit.ts', [
      '--month',
      month,
      '--file',
      '/nonexistent/contributions.csv',
      '--database-url',
      NOWHERE,
    ]);
    expect(out).toContain(`${month} is after the current month`);
    expect(code).toBe(2);
  }, 60_000);

  it('generate: a --last-month after the month of --today is refused before the database is touched', async () => {
    const { code, out } = await run('tools/generate/generate.ts', [
      '--persons',
      '10',
      '--last-month',
      '2027-01',
      '--today',
      '2026-12-02',
      '--database-url',
      NOWHERE,
    ]);
    expect(out).toContain('2027-01 is after the current month (2026-12, Beijing time)');
    expect(out).not.toMatch(/ECONNREFUSED/);
    expect(code).toBe(1);
  }, 60_000);
});
