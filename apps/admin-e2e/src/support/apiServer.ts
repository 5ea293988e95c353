// Starts the real built API (dist/apps/api/main.js) on a free port with a fresh SQLite file, as CI would.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ARTIFACTS_DIR, WORKSPACE_ROOT } from './paths';

export interface RunningApi {
  readonly baseUrl: string;
  readonly databaseFile: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`API exited with code ${child.exitCode} before /health answered`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
      lastError = new Error(`/health answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`API did not become healthy in ${timeoutMs} ms: ${String(lastError)}`);
}

/** `env` overrides the test settings (e.g. `NODE_ENV: 'production'` with a secret: how the console is served there). */
export async function startApi(env: NodeJS.ProcessEnv = {}): Promise<RunningApi> {
  // GONGJI_E2E_API_MAIN points the test at another build of the API (default: the one `api:build` makes).
  const main = path.resolve(WORKSPACE_ROOT, process.env.GONGJI_E2E_API_MAIN ?? 'dist/apps/api/main.js');
  const adminDir = path.join(WORKSPACE_ROOT, 'dist/apps/admin');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npx nx run api:build\` first`);
  if (!existsSync(path.join(adminDir, 'index.html')))
    throw new Error(`${adminDir} is missing: run \`npx nx run admin:build\``);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const port = await freePort();
  const databaseFile = path.join(ARTIFACTS_DIR, `gongji-${process.pid}-${Date.now()}.sqlite`);
  rmSync(databaseFile, { force: true });
  const log = createWriteStream(path.join(ARTIFACTS_DIR, 'api.log'));
  const child = spawn(process.execPath, [main], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: `sqlite:${databaseFile}`,
      GONGJI_ADMIN_DIR: adminDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    for (const suffix of ['', '-journal', '-wal', '-shm'])
      rmSync(`${databaseFile}${suffix}`, { force: true });
  };
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseFile, stop };
}
