/**
 * Small helpers shared by the bulk tools (`npm run generate`, `npm run credit`, issue #11): argument parsing, a
 * seeded random source, a progress bar on stderr, peak RSS and markdown tables.
 */

/** `--name value` / `--name=value` / `--flag` arguments. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      args.set(arg.slice(2, eq), arg.slice(eq + 1));
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      args.set(arg.slice(2), argv[++i]);
    } else {
      args.set(arg.slice(2), 'true');
    }
  }
  return args;
}

export function intArg(args: Map<string, string>, name: string, fallback: number): number {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

/** Today's date in China Standard Time (UTC+8, no DST), like the API's `todayInChina`: the tools' business date. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `--today YYYY-MM-DD` (a real calendar date), else today in China. */
export function todayArg(args: Map<string, string>): string {
  const raw = args.get('today');
  if (raw === undefined) return todayInChina();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== raw)
    throw new Error(`--today must be a date YYYY-MM-DD, got "${raw}"`);
  return raw;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gongji_scale';

/** `--database-url`, else DATABASE_URL, else the local scale database. PostgreSQL only. */
export function databaseUrlOf(args: Map<string, string>): string {
  const url = args.get('database-url') ?? process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error('the bulk tools run on PostgreSQL: pass a postgres:// URL');
  return url;
}

/** mulberry32: a small, fast, seeded PRNG (reproducible data for a given --seed). */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /**
   * A time-ordered UUID (version-7 layout: this millisecond, then random bits): rows generated later sort later, so
   * bulk inserts keyed by it append to their indexes instead of touching random pages.
   */
  orderedUuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    const ms = Date.now().toString(16).padStart(12, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(3)}-${'89ab'[this.int(0, 3)]}${hex(3)}-${hex(6)}${hex(6)}`;
  }
  /** A random version-4-shaped UUID (reproducible, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.int(0, 3)]}${hex(3)}-${hex(6)}${hex(6)}`;
  }
}

/** Peak resident set size of this process so far, MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** A one-line progress bar on stderr (redrawn at most 5 times a second; plain lines when stderr is not a TTY). */
export class Progress {
  private readonly started = Date.now();
  private last = 0;
  constructor(
    private readonly label: string,
    private readonly total: number | null,
  ) {}

  update(done: number, extra = ''): void {
    const now = Date.now();
    if (now - this.last < (process.stderr.isTTY ? 200 : 5000) && done !== this.total) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let bar = '';
    let eta = '';
    if (this.total) {
      const ratio = Math.min(1, done / this.total);
      const width = 30;
      const filled = Math.round(ratio * width);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}% `;
      eta = rate > 0 ? ` ETA ${Math.max(0, Math.round((this.total - done) / rate))}s` : '';
    }
    const line =
      `${this.label} ${bar}${fmt(done)}${this.total ? `/${fmt(this.total)}` : ''} ` +
      `${fmt(Math.round(rate))}/s${eta} RSS ${Math.round(process.memoryUsage.rss() / 1048576)} MiB ${extra}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line.padEnd(110)}`);
    else process.stderr.write(`${line}\n`);
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** A markdown table. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cell = (v: string | number) => (typeof v === 'number' ? fmt(v) : v);
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}
