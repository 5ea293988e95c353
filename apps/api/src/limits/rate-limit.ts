import Redis from 'ioredis';
import type { Logger } from 'pino';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

/** Requests per minute by kind of caller; an API client may carry its own figure (`rateLimitPerMinute`). */
export interface RateLimits {
  readonly anonymous: number;
  readonly user: number;
  readonly client: number;
}

/**
 * Defaults: generous for authenticated callers (a hospital portal at a busy hour stays far below 1,000 requests a
 * second), tight for anonymous ones (sign-in guessing). Per-client figures are set with `apiClientUpdate`.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { anonymous: 600, user: 6_000, client: 60_000 };

/** `GONGJI_RATE_LIMITS="anonymous=600,user=6000,client=60000"` (any subset). */
export function parseRateLimits(text: string | undefined): RateLimits {
  if (!text) return DEFAULT_RATE_LIMITS;
  const limits: Record<string, number> = { ...DEFAULT_RATE_LIMITS };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const n = Number(value);
    if (!(key in DEFAULT_RATE_LIMITS) || !Number.isInteger(n) || n < 1)
      throw new Error(
        `GONGJI_RATE_LIMITS: "${part}" is not kind=requestsPerMinute (kinds: anonymous, user, client)`,
      );
    limits[key] = n;
  }
  return limits as unknown as RateLimits;
}

export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Fixed one-minute windows per caller key, with rate-limiter-flexible: in process by default, in Redis when
 * `REDIS_URL` is set so every API process shares one budget per caller. If Redis is unreachable the process falls
 * back to its own in-memory budget (the insurance limiter) rather than refusing or letting everything through.
 */
export class RateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(
    redisUrl: string | undefined,
    private readonly logger: Logger,
  ) {
    this.redis = redisUrl
      ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false })
      : null;
    this.redis?.on('error', (err) => this.logger.warn({ err: err.message }, 'rate limiter: Redis error'));
  }

  /** Resolves once Redis is connected (immediately without Redis); until then the in-memory budget applies. */
  async ready(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', () => resolve());
      redis.once('end', () => reject(new Error('Redis connection ended')));
    });
  }

  get backend(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  async consume(key: string, perMinute: number): Promise<RateDecision> {
    try {
      await this.limiter(perMinute).consume(key);
      return { allowed: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      }
      this.logger.warn({ err }, 'rate limiter failed; request allowed');
      return { allowed: true };
    }
  }

  /**
   * When `key` has used its `perMinute` budget: the seconds until it refills; else null. Consumes nothing (a look
   * before expensive work, e.g. an argon2 check of an API key from an address that keeps failing).
   */
  async exhausted(key: string, perMinute: number): Promise<number | null> {
    try {
      const res = await this.limiter(perMinute).get(key);
      return res && res.consumedPoints >= perMinute ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : null;
    } catch (err) {
      this.logger.warn({ err }, 'rate limiter failed; request allowed');
      return null;
    }
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  private limiter(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const memory = new RateLimiterMemory({ keyPrefix: `gongji_rl_${points}`, points, duration: 60 });
      limiter = this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `gongji_rl_${points}`,
            points,
            duration: 60,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}
