import { ApiClientEntity, UserEntity } from '@gongji/persistence';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { apiKeyFingerprint, apiKeyPrefix } from './api-keys';
import { verifySecret } from './passwords';
import { type Principal, Role } from './principal';
import { verifySession } from './tokens';

const API_KEY_CACHE_MS = 5 * 60_000;

/**
 * Resolves the `Authorization: Bearer …` header to a principal. Session tokens are JWTs; API keys (`gj_…`) are
 * checked against their argon2 hash once and then cached for five minutes by fingerprint (argon2 is deliberately slow;
 * a portal settling bills must not pay it on every request). A revoked client is refused once its cache entry ends.
 */
export class Authenticator {
  private readonly apiKeyCache = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly secret: string,
  ) {}

  async principalOf(authorization: string | undefined): Promise<Principal | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('Authorization header must be "Bearer <token or API key>"');
    const credential = m[1];
    if (credential.startsWith('gj_')) return this.apiClient(credential);
    const claims = verifySession(credential, this.secret);
    if (!claims) throw unauthenticated('Session token is invalid or expired: sign in again');
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: claims.sub });
    if (!user || user.disabledAt) throw unauthenticated('User no longer exists or is disabled');
    return {
      kind: 'USER',
      id: user.id,
      name: user.username,
      role: user.role as Role,
      scopes: [],
      institutionId: null,
      product: null,
    };
  }

  private async apiClient(key: string): Promise<Principal> {
    const fingerprint = apiKeyFingerprint(key);
    const cached = this.apiKeyCache.get(fingerprint);
    if (cached && cached.until > Date.now()) return cached.principal;
    const prefix = apiKeyPrefix(key);
    const client = prefix
      ? await this.dataSource.getRepository(ApiClientEntity).findOneBy({ keyPrefix: prefix })
      : null;
    if (!client || client.revokedAt || !(await verifySecret(client.keyHash, key))) {
      throw unauthenticated('API key is invalid or revoked');
    }
    const principal: Principal = {
      kind: 'API_CLIENT',
      id: client.id,
      name: client.name,
      role: Role.PORTAL,
      scopes: client.scopes,
      institutionId: client.institutionId,
      product: client.product,
    };
    this.apiKeyCache.set(fingerprint, { principal, until: Date.now() + API_KEY_CACHE_MS });
    return principal;
  }
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
