import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { RateLimiter, parseRateLimits } from '../rate-limit';

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
});
