import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import pino from 'pino';
import { REDIS_COMMAND_TIMEOUT_MS, RateLimiter, parseRateLimits } from '../rate-limit';

const REDIS_URL = process.env['GONGJI_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const logger = pino({ level: 'silent' });

describe('rate limits', () => {
  it('GONGJI_RATE_LIMITS parses a subset and refuses nonsense', () => {
    expect(parseRateLimits('client=100')).toEqual({ anonymous: 600, user: 6000, client: 100 });
    expect(() => parseRateLimits('robots=5')).toThrow(/kind=requestsPerMinute/);
    expect(() => parseRateLimits('user=0')).toThrow();
  });

  it('in process: the budget is per key and refusals say when to retry', async () => {
    const limiter = new RateLimiter(undefined, logger);
    const key = `client:${randomUUID()}`;
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await limiter.consume(key, 3));
    expect(outcomes.map((o) => o.allowed)).toEqual([true, true, true, false]);
    const last = outcomes[3];
    expect(!last.allowed && last.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await limiter.consume(`client:${randomUUID()}`, 3)).allowed).toBe(true);
    await limiter.close();
  });

  it('with REDIS_URL two API processes share one budget per caller (real Redis)', async () => {
    const a = new RateLimiter(REDIS_URL, logger);
    const b = new RateLimiter(REDIS_URL, logger);
    expect(a.backend).toBe('redis');
    await Promise.all([a.ready(), b.ready()]);
    const key = `client:${randomUUID()}`;
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push((await (i % 2 ? b : a).consume(key, 3)).allowed);
    expect(outcomes).toEqual([true, true, true, false]);
    await a.close();
    await b.close();
  });

  it("longer windows (sign-in failures, analysts' look-ups) are shared too, and a reset clears one key only (real Redis)", async () => {
    const a = new RateLimiter(REDIS_URL, logger);
    const b = new RateLimiter(REDIS_URL, logger);
    await Promise.all([a.ready(), b.ready()]);
    const key = `sign-in:${randomUUID()}`;
    const other = `sign-in:${randomUUID()}`;
    for (let i = 0; i < 3; i++) expect((await (i % 2 ? b : a).consume(key, 3, 900)).allowed).toBe(true);
    expect(await b.exhausted(key, 3, 900)).toBeGreaterThan(60); // the 15-minute window, not one minute
    const refused = await a.consume(key, 3, 900);
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(800);
    // the same key in a one-minute budget of the same size is another budget
    expect((await a.consume(key, 3)).allowed).toBe(true);
    expect((await b.consume(other, 3, 900)).allowed).toBe(true);
    await b.reset(key, 3, 900);
    expect(await a.exhausted(key, 3, 900)).toBeNull();
    expect((await a.consume(key, 3, 900)).allowed).toBe(true);
    await a.close();
    await b.close();
  });

  it('deployments sharing a Redis keep apart by prefix: one’s failures never count against the other (audit D)', async () => {
    const staging = new RateLimiter(REDIS_URL, logger, 'gongji:staging:');
    const production = new RateLimiter(REDIS_URL, logger, 'gongji:production:');
    await Promise.all([staging.ready(), production.ready()]);
    const key = `sign-in:${randomUUID()}`;
    for (let i = 0; i < 3; i++) await staging.consume(key, 3, 900);
    expect(await staging.exhausted(key, 3, 900)).not.toBeNull();
    expect(await production.exhausted(key, 3, 900)).toBeNull();
    await staging.close();
    await production.close();
  });

  it('a Redis that keeps the connection but stops answering: the process budget decides at once (audit D)', async () => {
    // A proxy to the real Redis that can stop passing bytes while keeping the connection (a partition, a failover).
    const target = new URL(REDIS_URL);
    let stalled = false;
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const server = net.connect(Number(target.port || 6379), target.hostname);
      sockets.add(client).add(server);
      client.on('data', (d) => !stalled && server.write(d));
      server.on('data', (d) => !stalled && client.write(d));
      client.on('error', () => undefined);
      server.on('error', () => undefined);
      client.on('close', () => server.destroy());
      server.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    const limiter = new RateLimiter(`redis://127.0.0.1:${port}`, logger);
    await limiter.ready();
    const key = `client:${randomUUID()}`;
    expect((await limiter.consume(key, 5)).allowed).toBe(true);
    stalled = true;
    const started = Date.now();
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await limiter.consume(key, 5)).allowed);
    const perCall = (Date.now() - started) / 6;
    // Each call waits at most the command timeout, then the in-memory budget (5 a minute) decides.
    expect(perCall).toBeLessThan(REDIS_COMMAND_TIMEOUT_MS * 4);
    expect(outcomes.slice(0, 5)).toEqual([true, true, true, true, true]);
    expect(outcomes[5]).toBe(false);
    limiter['redis']?.disconnect();
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => proxy.close(resolve));
  });
});
