// Issue #10 acceptance: the built console as production serves it — the main script gzipped to
// `accept-encoding: gzip` (as `curl -H 'accept-encoding: gzip'` would see it), hashed files immutable, no source map,
// and the initial download (index.html + the scripts and styles it loads before anything else) printed.
import { request } from 'node:http';
import { type RunningApi, startApi } from './support/apiServer';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
  body: Buffer;
}

/** GET without decompression: the bytes counted are the bytes on the wire. */
function get(url: string, acceptEncoding: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: body.length, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serving the built console in production (issue #10)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({
      NODE_ENV: 'production',
      GONGJI_SECRET: 'e2e-production-secret-'.padEnd(48, 'x'),
      GONGJI_PAYMENT_PEPPER: 'p'.repeat(40),
    });
  });
  afterAll(async () => api?.stop());

  it('sends the main script gzipped and immutable, index.html no-cache, no source maps; prints the initial size', async () => {
    const index = await get(`${api.baseUrl}/admin/`, 'identity');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    const html = index.body.toString('utf8');
    const main = /<script type="module" crossorigin src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(main).toBeDefined();
    const initial = [
      ...new Set([...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])),
    ];

    const script = await get(`${api.baseUrl}${main}`, 'gzip');
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect((await get(`${api.baseUrl}${main}.map`, 'gzip')).status).toBe(404);

    const gz = await get(`${api.baseUrl}/admin/`, 'gzip');
    let gzipped = gz.bytes;
    let brotli = (await get(`${api.baseUrl}/admin/`, 'br')).bytes;
    let raw = index.bytes;
    for (const asset of initial) {
      gzipped += (await get(`${api.baseUrl}${asset}`, 'gzip')).bytes;
      brotli += (await get(`${api.baseUrl}${asset}`, 'br')).bytes;
      raw += (await get(`${api.baseUrl}${asset}`, 'identity')).bytes;
      expect((await get(`${api.baseUrl}${asset}.map`, 'identity')).status).toBe(404);
    }
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    // Printed for the closing note of the issue.
    process.stdout.write(
      `\ninitial download of the console: ${initial.length + 1} files, ${kb(raw)} raw, ${kb(gzipped)} gzipped, ${kb(brotli)} brotli\n`,
    );
    expect(gzipped).toBeLessThan(raw / 2.5);
    expect(brotli).toBeLessThan(gzipped);
  });
});
