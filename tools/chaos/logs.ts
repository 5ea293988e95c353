import type { ChildProcess } from 'node:child_process';
import type { CheckResult } from './checks';
import type { Population } from './population';

const SQL = /\b(SELECT\s.+\sFROM|INSERT INTO|UPDATE\s+"?\w+"?\s+SET|DELETE FROM)\b/i;
const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * Reads what the API processes log while the faults happen (issue #11: "logs carry no SQL parameters or personal
 * data"): counts lines by level and keeps the lines that contain SQL or the population's ID numbers, names or
 * phones.
 */
export class LogScanner {
  readonly levels = new Map<string, number>();
  private readonly lines: string[] = [];
  private readonly samples = new Map<string, number>();

  attach(child: ChildProcess): void {
    let rest = '';
    const onData = (d: Buffer) => {
      const text = rest + d.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) this.add(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  private add(line: string): void {
    if (!line.trim()) return;
    let level = 'text';
    let msg = line.slice(0, 120);
    try {
      const o = JSON.parse(line) as { level?: number; msg?: string };
      level = LEVELS[o.level ?? 0] ?? String(o.level);
      msg = String(o.msg ?? '').slice(0, 120);
    } catch {
      // not a pino line (a crash trace on stderr)
    }
    this.levels.set(level, (this.levels.get(level) ?? 0) + 1);
    const key = `${level}: ${msg}`;
    this.samples.set(key, (this.samples.get(key) ?? 0) + 1);
    if (this.lines.length < 20_000) this.lines.push(line);
  }

  /** The most frequent messages, for the report. */
  top(n: number): [string, number][] {
    return [...this.samples].sort((a, b) => b[1] - a[1]).slice(0, n);
  }

  check(pop: Population): CheckResult {
    const violations: string[] = [];
    const needles = [
      ...pop.families.flatMap((f) => [...f.providers, f.beneficiary]),
      ...pop.pairs.flatMap((p) => [p.hebei, p.shandong]),
    ].flatMap((p) => [p.idNumber, p.name, p.phone]);
    let sql = 0;
    let pii = 0;
    for (const line of this.lines) {
      if (SQL.test(line)) {
        if (sql++ < 5) violations.push(`SQL in a log line: ${line.slice(0, 300)}`);
      }
      const hit = needles.find((n) => line.includes(n));
      if (hit && pii++ < 5) violations.push(`personal data (${hit}) in a log line: ${line.slice(0, 300)}`);
    }
    if (sql > 5) violations.push(`… ${sql} lines with SQL in all`);
    if (pii > 5) violations.push(`… ${pii} lines with personal data in all`);
    const total = [...this.levels.values()].reduce((a, b) => a + b, 0);
    return {
      name: 'API logs carry no SQL and no personal data',
      checked: `${total} log lines (${[...this.levels].map(([l, n]) => `${l} ${n}`).join(', ')})`,
      violations,
    };
  }
}
