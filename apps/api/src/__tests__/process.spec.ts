import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');

function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let out = '';
  const child = spawn(path.join(ROOT, 'tools/ts-run.sh'), ['apps/api/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  // 'close' (not 'exit'): fires after the child's stdout and stderr are drained.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the API process', () => {
  it('production mode refuses to start without GONGJI_SECRET (non-negotiable 7)', async () => {
    const run = runMain({ NODE_ENV: 'production', PORT: '0' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/GONGJI_SECRET/);
  });

  it('production mode refuses to start without its own GONGJI_PAYMENT_PEPPER (R-ACC-7, non-negotiable 7)', async () => {
    const secret = 'a-production-secret-of-at-least-32-characters';
    const missing = runMain({ NODE_ENV: 'production', PORT: '0', GONGJI_SECRET: secret });
    expect(await missing.exited).toBe(78);
    expect(missing.output()).toMatch(/GONGJI_PAYMENT_PEPPER/);
    const same = runMain({
      NODE_ENV: 'production',
      PORT: '0',
      GONGJI_SECRET: secret,
      GONGJI_PAYMENT_PEPPER: secret,
    });
    expect(await same.exited).toBe(78);
    expect(same.output()).toMatch(/not the same as GONGJI_SECRET/);
  });

  it('starts on a fresh SQLite file with demo data, answers /health, and stops gracefully on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongji-proc-'));
    const run = runMain({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dir}/db.sqlite`,
      GONGJI_ADMIN_DIR: '',
    });
    try {
      await waitFor(() => /"msg":"listening"/.test(run.output()), 45_000);
      const url = /"url":"(http:\/\/localhost:\d+)"/.exec(run.output())?.[1];
      expect(run.output()).toMatch(/admin \/ gongji-admin-demo/);
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/"msg":"stopped"/);
    } finally {
      run.child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
