import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { acceptedEncodings } from '../http/admin-static';
import { type TestApp, createTestApp } from '../testing/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that does not decompress (fetch would), so the bytes on the wire are checked. */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const SCRIPT = `console.log(${JSON.stringify('共济'.repeat(2000))});\n`;

function buildFakeConsole(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongji-admin-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><script src="/admin/assets/index-abc123.js"></script>',
  );
  const file = path.join(dir, 'assets', 'index-abc123.js');
  writeFileSync(file, SCRIPT);
  writeFileSync(`${file}.gz`, gzipSync(SCRIPT));
  writeFileSync(`${file}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${file}.map`, '{"version":3}');
  return dir;
}

/** Issue #10: the console is served compressed, hashed files cached for good, index.html revalidated, no maps. */
describe(`serving the console (${ENTITY_DIALECT})`, () => {
  const dir = buildFakeConsole();
  let production: TestApp;
  let development: TestApp;
  beforeAll(async () => {
    production = await createTestApp({
      env: {
        NODE_ENV: 'production',
        GONGJI_SECRET: 'x'.repeat(48),
        GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
        GONGJI_ADMIN_DIR: dir,
      },
    });
    development = await createTestApp({ env: { GONGJI_ADMIN_DIR: dir } });
  });
  afterAll(async () => {
    await production?.close();
    await development?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the pre-compressed gzip twin to accept-encoding: gzip, immutable for a year', async () => {
    const res = await get(`${production.url}/admin/assets/index-abc123.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT);
  });

  it('prefers brotli, and sends the plain file to a client that accepts neither', async () => {
    const br = await get(`${production.url}/admin/assets/index-abc123.js`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    const plain = await get(`${production.url}/admin/assets/index-abc123.js`, {
      'accept-encoding': 'identity',
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('revalidates index.html (also for the single-page routes) and answers 404 for a missing asset', async () => {
    for (const route of ['/admin/', '/admin/persons/1/show']) {
      const res = await get(`${production.url}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body.toString()).toContain('<!doctype html>');
    }
    expect((await get(`${production.url}/admin/assets/index-old999.js`)).status).toBe(404);
    expect((await get(`${production.url}/admin/assets/index-abc123.js.gz`)).status).toBe(404);
    expect((await get(`${production.url}/admin/../package.json`)).status).not.toBe(200);
  });

  it('serves no source map in production, and one in development', async () => {
    expect((await get(`${production.url}/admin/assets/index-abc123.js.map`)).status).toBe(404);
    expect((await get(`${development.url}/admin/assets/index-abc123.js.map`)).status).toBe(200);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(acceptedEncodings('gzip, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('br;q=0, gzip;q=0.8')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});
