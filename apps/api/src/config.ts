import { createHash } from 'node:crypto';
import { describeDatabase } from '@gongji/persistence';
import { type RateLimits, parseRateLimits } from './limits/rate-limit';

/** Runtime configuration read from the environment (README "Configuration"). */
export interface AppConfig {
  readonly env: 'production' | 'development' | 'test';
  readonly port: number;
  readonly host: string;
  /** Unset = embedded SQLite at tmp/gongji.sqlite. */
  readonly databaseUrl: string | undefined;
  /** PostgreSQL streaming replicas for analysts' reads (DATABASE_REPLICA_URLS, comma-separated; issue #11). */
  readonly databaseReplicaUrls: readonly string[];
  /** HMAC secret for session tokens. */
  readonly secret: string;
  /**
   * GONGJI_PAYMENT_PEPPER: the server key payment passwords are HMAC-keyed with before hashing (R-ACC-7; a six-digit
   * password has no offline protection otherwise). Required in production, distinct from GONGJI_SECRET; changing it
   * invalidates every payment password set under it (holders need a reset).
   */
  readonly paymentPepper: string;
  /** Load the demo population and demo users (never in production). */
  readonly demo: boolean;
  /** Built react-admin console served at /admin (null = not served). */
  readonly adminDir: string | null;
  readonly logLevel: string;
  /** Bearer token protecting /metrics (unset: open in development and tests, off — 404 — in production). */
  readonly metricsToken: string | undefined;
  /** Session lifetime in seconds. */
  readonly sessionTtlSeconds: number;
  /** Analytics groups with fewer distinct persons are suppressed (GONGJI_STATS_MIN_CELL, default 5, at least 2). */
  readonly statsMinCell: number;
  /** Requests per minute per caller (GONGJI_RATE_LIMITS); an API client may carry its own figure. */
  readonly rateLimits: RateLimits;
  /** Redis for rate limits shared by every API process (unset = per process). */
  readonly redisUrl: string | undefined;
  /**
   * Prefix of every Redis key (GONGJI_REDIS_PREFIX): deployments sharing one Redis must not share budgets — failed
   * sign-ins on a staging server locked production staff out (audit D). Default: derived from the database, so the
   * processes of one deployment share their budgets and two deployments never do.
   */
  readonly redisKeyPrefix: string;
  /** A request still running after this is answered 503 REQUEST_TIMEOUT. */
  readonly requestTimeoutMs: number;
  /**
   * PostgreSQL session limits (GONGJI_DB_LOCK_TIMEOUT_MS, default 10 s; GONGJI_DB_IDLE_TX_TIMEOUT_MS, default 15 s):
   * a wait for a row lock, and a session idle inside a transaction (a frozen or cut-off process), are bounded.
   */
  readonly dbSessionLimits: { readonly lockTimeoutMs: number; readonly idleInTransactionMs: number };
  /** SMS outbox (R-ACC-7): delivery gateway, and how long an undelivered password is kept (README "Configuration"). */
  readonly sms: SmsConfig;
}

export interface SmsConfig {
  /** GONGJI_SMS_WEBHOOK_URL: the bureau's SMS platform (HTTP POST of JSON `{ to, kind, body }`); unset = no gateway. */
  readonly webhookUrl: string | undefined;
  /** GONGJI_SMS_WEBHOOK_TOKEN: sent as `Authorization: Bearer …` when set. */
  readonly webhookToken: string | undefined;
  /** GONGJI_SMS_TIMEOUT_MS (default 10000): a slower answer is a failed delivery (retried). */
  readonly webhookTimeoutMs: number;
  /** GONGJI_SMS_TTL_HOURS (default 72): a message still pending after this is erased and marked EXPIRED. */
  readonly ttlHours: number;
}

export class ConfigError extends Error {}

/** Development-only secret; production refuses to start without GONGJI_SECRET (DEVELOPERS.md non-negotiable 7). */
const DEVELOPMENT_SECRET = 'gongji-development-secret-not-for-production-use';
/** Development-only pepper; production refuses to start without GONGJI_PAYMENT_PEPPER. */
export const DEVELOPMENT_PAYMENT_PEPPER = 'gongji-development-payment-pepper-not-for-production-use';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const mode =
    env['NODE_ENV'] === 'production' ? 'production' : env['NODE_ENV'] === 'test' ? 'test' : 'development';
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be 0–65535, got "${env['PORT']}"`);
  let secret = env['GONGJI_SECRET'];
  if (mode === 'production') {
    if (!secret || secret.length < 32) {
      throw new ConfigError(
        'NODE_ENV=production needs GONGJI_SECRET (at least 32 random characters, e.g. `openssl rand -base64 48`); refusing to start.',
      );
    }
    const pepper = env['GONGJI_PAYMENT_PEPPER'];
    if (!pepper || pepper.length < 32 || pepper === secret) {
      throw new ConfigError(
        'NODE_ENV=production needs GONGJI_PAYMENT_PEPPER (at least 32 random characters, not the same as GONGJI_SECRET, e.g. `openssl rand -base64 48`): payment passwords are keyed with it (R-ACC-7); refusing to start.',
      );
    }
    if (env['GONGJI_DEMO'] === '1')
      throw new ConfigError(
        'GONGJI_DEMO=1 is not allowed in production: demo users have published passwords.',
      );
  }
  secret ??= DEVELOPMENT_SECRET;
  const demo = mode !== 'production' && env['GONGJI_DEMO'] !== '0';
  const adminDir = env['GONGJI_ADMIN_DIR'] === '' ? null : (env['GONGJI_ADMIN_DIR'] ?? 'dist/apps/admin');
  return {
    env: mode,
    port,
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] || undefined,
    databaseReplicaUrls: (env['DATABASE_REPLICA_URLS'] ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u !== ''),
    secret,
    paymentPepper: env['GONGJI_PAYMENT_PEPPER'] || DEVELOPMENT_PAYMENT_PEPPER,
    demo,
    adminDir,
    logLevel: env['LOG_LEVEL'] ?? (mode === 'test' ? 'warn' : 'info'),
    metricsToken: env['GONGJI_METRICS_TOKEN'] || undefined,
    sessionTtlSeconds: Number(env['GONGJI_SESSION_TTL'] ?? 8 * 3600),
    statsMinCell: statsMinCell(env['GONGJI_STATS_MIN_CELL']),
    rateLimits: (() => {
      try {
        return parseRateLimits(env['GONGJI_RATE_LIMITS']);
      } catch (err) {
        throw new ConfigError((err as Error).message);
      }
    })(),
    redisUrl: env['REDIS_URL'] || undefined,
    redisKeyPrefix: env['GONGJI_REDIS_PREFIX'] ?? defaultRedisPrefix(env['DATABASE_URL']),
    requestTimeoutMs: Number(env['GONGJI_REQUEST_TIMEOUT_MS'] ?? 30_000),
    dbSessionLimits: {
      lockTimeoutMs: positiveMs(env, 'GONGJI_DB_LOCK_TIMEOUT_MS', 10_000),
      idleInTransactionMs: positiveMs(env, 'GONGJI_DB_IDLE_TX_TIMEOUT_MS', 15_000),
    },
    sms: smsConfig(env),
  };
}

function smsConfig(env: NodeJS.ProcessEnv): SmsConfig {
  const webhookUrl = env['GONGJI_SMS_WEBHOOK_URL'] || undefined;
  if (webhookUrl !== undefined) {
    let protocol: string;
    try {
      protocol = new URL(webhookUrl).protocol;
    } catch {
      throw new ConfigError(`GONGJI_SMS_WEBHOOK_URL must be an http(s) URL, got "${webhookUrl}"`);
    }
    if (protocol !== 'https:' && protocol !== 'http:')
      throw new ConfigError(`GONGJI_SMS_WEBHOOK_URL must be an http(s) URL, got "${webhookUrl}"`);
  }
  const ttlHours = Number(env['GONGJI_SMS_TTL_HOURS'] ?? 72);
  if (!Number.isFinite(ttlHours) || ttlHours <= 0)
    throw new ConfigError(
      `GONGJI_SMS_TTL_HOURS must be a positive number of hours, got "${env['GONGJI_SMS_TTL_HOURS']}"`,
    );
  const webhookTimeoutMs = Number(env['GONGJI_SMS_TIMEOUT_MS'] ?? 10_000);
  if (!Number.isInteger(webhookTimeoutMs) || webhookTimeoutMs <= 0)
    throw new ConfigError(
      `GONGJI_SMS_TIMEOUT_MS must be a positive integer, got "${env['GONGJI_SMS_TIMEOUT_MS']}"`,
    );
  return {
    webhookUrl,
    webhookToken: env['GONGJI_SMS_WEBHOOK_TOKEN'] || undefined,
    webhookTimeoutMs,
    ttlHours,
  };
}

/** A minimum of 1 would publish single persons' figures: refused (issue #8, small-cell suppression). */
function statsMinCell(value: string | undefined): number {
  const n = Number(value ?? 5);
  if (!Number.isInteger(n) || n < 2)
    throw new ConfigError(`GONGJI_STATS_MIN_CELL must be an integer ≥ 2, got "${value}"`);
  return n;
}

export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    env: config.env,
    port: config.port,
    database: describeDatabase(config.databaseUrl),
    replicas: config.databaseReplicaUrls.map((u) => describeDatabase(u)),
    demo: config.demo,
    adminDir: config.adminDir,
    rateLimits: config.rateLimits,
    rateLimitStore: config.redisUrl ? 'redis' : 'memory',
    sms: {
      gateway: config.sms.webhookUrl ? `webhook ${webhookOrigin(config.sms.webhookUrl)}` : null,
      ttlHours: config.sms.ttlHours,
    },
  };
}

/** Scheme, host and port only: a path or query could carry a credential. */
function webhookOrigin(url: string): string {
  return new URL(url).origin;
}

/** A whole number of milliseconds ≥ 1 from `name`, or `fallback` when unset. */
function positiveMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`${name} must be a whole number of milliseconds ≥ 1`);
  return n;
}

/** `gongji:<8 hex>:` from the database's host, port and name (never its password); `gongji:` for the embedded one. */
function defaultRedisPrefix(databaseUrl: string | undefined): string {
  if (!databaseUrl?.startsWith('postgres')) return 'gongji:';
  try {
    const u = new URL(databaseUrl);
    const where = `${u.hostname}:${u.port || '5432'}${u.pathname}`;
    return `gongji:${createHash('sha256').update(where).digest('hex').slice(0, 8)}:`;
  } catch {
    return 'gongji:';
  }
}
