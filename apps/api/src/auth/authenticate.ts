import { type MessageParam, detailParam } from '@gongji/domain';
import { AccessQueries, type ApiClientEntity } from '@gongji/persistence';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from '@gongji/persistence';
import { apiKeyFingerprint, apiKeyPrefix } from './api-keys';
import { withDetail } from '../common/error-detail';
import { verifySecret } from './passwords';
import { type Principal, Role } from './principal';
import { type SessionClaims, passwordVersion, verifySession } from './tokens';

/** How long a verified credential is trusted before its row is read again (revocation takes effect within it). */
export const CREDENTIAL_RECHECK_MS = 5_000;
/** Verified session tokens remembered per process (oldest forgotten first). */
const VERIFIED_SESSIONS_MAX = 10_000;
/** `lastUsedAt` is written at most this often per client and process. */
const LAST_USED_WRITE_MS = 60_000;

interface CachedClient {
  readonly principal: Principal;
  readonly keyHash: string;
  checkedAt: number;
}

/**
 * Resolves the `Authorization: Bearer …` header to a principal.
 * - Session tokens are verified JWTs; the user row is re-read at most every 5 s (a disabled user is refused within
 *   seconds without a database read on every request).
 * - API keys (`gj_…`) are verified against their argon2 hash once; afterwards the row is re-read at most every 5 s,
 *   so a revocation or rotation made by any API process takes effect within seconds, and argon2 is paid again only
 *   when the stored hash changed (rotation).
 */
export class Authenticator {
  private readonly clients = new Map<string, CachedClient>();
  private readonly users = new Map<
    string,
    {
      principal: Principal | null;
      passwordVersion: string | null;
      sessionsEndedAt: number | null;
      checkedAt: number;
    }
  >();
  private readonly sessions = new Map<string, { claims: SessionClaims; validUntil: number }>();
  private readonly lastUsedWritten = new Map<string, number>();
  private readonly access: AccessQueries;

  constructor(
    dataSource: DataSource,
    private readonly secret: string,
    private readonly logger?: Logger,
  ) {
    this.access = new AccessQueries(dataSource);
  }

  async principalOf(authorization: string | undefined): Promise<Principal | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m)
      throw unauthenticated(
        'Authorization header must be "Bearer <token or API key>"',
        detailParam('AUTHORIZATION_HEADER_MALFORMED'),
      );
    const credential = m[1];
    if (credential.startsWith('gj_')) return this.apiClient(credential);
    const session = this.verifiedSession(credential);
    if (!session) throw sessionInvalid();
    const { claims, fresh } = session;
    let known = this.users.get(claims.sub);
    // Re-read the user row at most every CREDENTIAL_RECHECK_MS — and on a token's first use in this process (a user
    // enabled again, or with a new password, signs in and is served at once, not refused from the stale row).
    if (!known || fresh || Date.now() - known.checkedAt >= CREDENTIAL_RECHECK_MS) {
      const user = await this.access.userById(claims.sub);
      const principal: Principal | null =
        user && !user.disabledAt
          ? {
              kind: 'USER',
              id: user.id,
              name: user.username,
              role: user.role as Role,
              scopes: [],
              institutionId: null,
              product: null,
            }
          : null;
      known = {
        principal,
        passwordVersion: user ? passwordVersion(user.passwordHash) : null,
        sessionsEndedAt: user?.sessionsEndedAt ? user.sessionsEndedAt.getTime() : null,
        checkedAt: Date.now(),
      };
      this.users.set(claims.sub, known);
    }
    if (!known.principal)
      throw unauthenticated('User no longer exists or is disabled', detailParam('USER_GONE'));
    // A password reset (npm run users -- reset-password) ends the sessions signed before it, within the recheck window.
    if (claims.pv !== undefined && claims.pv !== known.passwordVersion) throw sessionInvalid();
    // Signed out (sessionEnd): tokens signed before then are refused — in this process at once, elsewhere within
    // the recheck window.
    if (known.sessionsEndedAt !== null && (claims.at ?? 0) <= known.sessionsEndedAt) throw sessionInvalid();
    return known.principal;
  }

  /**
   * A session token's claims, verified at most every CREDENTIAL_RECHECK_MS and never past its expiry: the HMAC and
   * JSON work of verifying it was paid on every request (issue #11). A disabled user is still refused within the
   * same window (the users check below).
   */
  private verifiedSession(token: string): { claims: SessionClaims; fresh: boolean } | null {
    const now = Date.now();
    const cached = this.sessions.get(token);
    if (cached && now < cached.validUntil) return { claims: cached.claims, fresh: false };
    this.sessions.delete(token);
    const claims = verifySession(token, this.secret);
    if (!claims) return null;
    const expiresAt = claims.exp !== undefined ? claims.exp * 1000 : now;
    if (this.sessions.size >= VERIFIED_SESSIONS_MAX) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    this.sessions.set(token, { claims, validUntil: Math.min(expiresAt, now + CREDENTIAL_RECHECK_MS) });
    return { claims, fresh: true };
  }

  /**
   * Whether accepting `authorization` costs no argon2 check: a session token (HMAC), or an API key this process has
   * verified before (its re-check is a row read, and argon2 only if the stored hash changed by a rotation).
   */
  isCheap(authorization: string): boolean {
    const m = /^Bearer\s+(gj_\S+)$/i.exec(authorization.trim());
    return !m || this.clients.has(apiKeyFingerprint(m[1]));
  }

  /** Forgets a user's cached row (after signing out in this process): the next request re-reads it. */
  forgetUser(userId: string): void {
    this.users.delete(userId);
  }

  /** Forgets cached credentials of a client (after a revocation or rotation in this process). */
  forgetClient(clientId: string): void {
    for (const [fingerprint, cached] of this.clients) {
      if (cached.principal.id === clientId) this.clients.delete(fingerprint);
    }
  }

  private async apiClient(key: string): Promise<Principal> {
    const fingerprint = apiKeyFingerprint(key);
    const cached = this.clients.get(fingerprint);
    const now = Date.now();
    if (cached && now - cached.checkedAt < CREDENTIAL_RECHECK_MS) {
      this.touch(cached.principal.id, now);
      return cached.principal;
    }
    const prefix = apiKeyPrefix(key);
    const client = prefix ? await this.access.apiClientByPrefix(prefix) : null;
    if (!client || client.revokedAt) {
      this.clients.delete(fingerprint);
      throw unauthenticated('API key is invalid or revoked', detailParam('API_KEY_INVALID'));
    }
    if (cached && cached.keyHash === client.keyHash) {
      const principal = toPrincipal(client);
      this.clients.set(fingerprint, { principal, keyHash: client.keyHash, checkedAt: now });
      this.touch(client.id, now);
      return principal;
    }
    if (!(await verifySecret(client.keyHash, key))) {
      this.clients.delete(fingerprint);
      throw unauthenticated('API key is invalid or revoked', detailParam('API_KEY_INVALID'));
    }
    const principal = toPrincipal(client);
    this.clients.set(fingerprint, { principal, keyHash: client.keyHash, checkedAt: now });
    this.touch(client.id, now);
    return principal;
  }

  /** Records the client's last use, at most once a minute per process, off the request's path. */
  private touch(clientId: string, now: number): void {
    const last = this.lastUsedWritten.get(clientId) ?? 0;
    if (now - last < LAST_USED_WRITE_MS) return;
    this.lastUsedWritten.set(clientId, now);
    this.access
      .touchApiClient(clientId, new Date(now))
      .catch((err: Error) =>
        this.logger?.warn({ reason: err.message, clientId }, 'could not record last use'),
      );
  }
}

function toPrincipal(client: ApiClientEntity): Principal {
  return {
    kind: 'API_CLIENT',
    id: client.id,
    name: client.name,
    role: Role.PORTAL,
    scopes: client.scopes,
    institutionId: client.institutionId,
    product: client.product,
    rateLimitPerMinute: client.rateLimitPerMinute,
    persistedOperationsOnly: client.persistedOperationsOnly,
  };
}

/**
 * 401 UNAUTHENTICATED: `message` in English (logs, English readers), `detail` (detail catalogue) for the reader's
 * language; without a detail a Chinese reader gets the catalogue's general text.
 */
/** The refusal of a session token that is forged, expired, or signed before a password reset. */
function sessionInvalid(): GraphQLError {
  return unauthenticated(
    'Session token is invalid or expired: sign in again',
    detailParam('SESSION_INVALID'),
  );
}

export function unauthenticated(message: string, detail?: MessageParam): GraphQLError {
  const error = new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return detail ? withDetail(error, detail) : error;
}

/** 403 FORBIDDEN, like {@link unauthenticated}. */
export function forbidden(message: string, detail?: MessageParam): GraphQLError {
  const error = new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  return detail ? withDetail(error, detail) : error;
}
