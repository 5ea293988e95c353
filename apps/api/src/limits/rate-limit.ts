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
 * Fixed windows per key, with rate-limiter-flexible: in process by default, in Redis when `REDIS_URL` is set so every
 * API process shares one budget per key — the request budgets per caller (one-minute windows), and the longer budgets
 * of the services: failed sign-ins per user name (15 minutes), analysts' look-ups by full ID number (an hour). If
 * Redis is unreachable the process falls back to its own in-memory budget (the insurance limiter) rather than
 * refusing or letting everything through.
 */
/** How long a Redis command may take before the process's own budget decides (fast on loopback or a LAN). */
export const REDIS_COMMAND_TIMEOUT_MS = 250;

export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly redis: Redis | null;

  constructor(
    redisUrl: string | undefined,
    private readonly logger: Logger,
    /** Before every key (`GONGJI_REDIS_PREFIX`): one deployment's budgets, never another's sharing the Redis. */
    private readonly keyPrefix = '',
  ) {
    this.redis = redisUrl
      ? new Redis(redisUrl, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          lazyConnect: false,
          // A Redis that keeps the connection but answers nothing (a partition, a failover) is down too: after this
          // the command fails and the in-memory budget decides, instead of every request hanging (audit D).
          commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
          connectTimeout: 2_000,
        })
      : null;
    this.redis?.on('error', (err) => this.logger.warn({ reason: err.message }, 'rate limiter: Redis error'));
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

  /** Spends one of `key`'s `points` per window (default one minute); refused past the budget, with when to retry. */
  async consume(key: string, points: number, windowSeconds = 60): Promise<RateDecision> {
    try {
      await this.limiter(points, windowSeconds).consume(key);
      return { allowed: true };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(err) };
      this.logger.warn({ err }, 'rate limiter failed; request allowed');
      return { allowed: true };
    }
  }

  /**
   * When `key` has used its `points` budget of the window: the seconds until it refills; else null. Consumes nothing
   * (a look before expensive work, e.g. an argon2 check from an address or for a user name that keeps failing).
   */
  async exhausted(key: string, points: number, windowSeconds = 60): Promise<number | null> {
    try {
      const res = await this.limiter(points, windowSeconds).get(key);
      return res && res.consumedPoints >= points ? retryAfter(res) : null;
    } catch (err) {
      this.logger.warn({ err }, 'rate limiter failed; request allowed');
      return null;
    }
  }

  /** Forgets what `key` spent in the window (a successful sign-in clears its failures). */
  async reset(key: string, points: number, windowSeconds = 60): Promise<void> {
    try {
      await this.limiter(points, windowSeconds).delete(key);
    } catch (err) {
      this.logger.warn({ err }, 'rate limiter failed to reset a key');
    }
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  private limiter(points: number, duration: number): RateLimiterAbstract {
    // One-minute budgets keep their original key prefix, so counts survive a rolling upgrade.
    const keyPrefix = `${this.keyPrefix}${duration === 60 ? `gongji_rl_${points}` : `gongji_rl_${points}_per_${duration}s`}`;
    let limiter = this.limiters.get(keyPrefix);
    if (!limiter) {
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      limiter = this.redis
        ? new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix,
            points,
            duration,
            insuranceLimiter: memory,
          })
        : memory;
      this.limiters.set(keyPrefix, limiter);
    }
    return limiter;
  }
}

function retryAfter(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
