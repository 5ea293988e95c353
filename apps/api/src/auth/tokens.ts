import { type KeyObject, createHash, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { Role } from './principal';

export interface SessionClaims {
  readonly sub: string;
  readonly username: string;
  readonly role: Role;
  /** Expiry, epoch seconds (set on verified tokens). */
  readonly exp?: number;
  /**
   * Password version at sign-in ({@link passwordVersion}): a session outlives no password reset. Absent in tokens
   * signed before it existed (accepted until they expire).
   */
  readonly pv?: string;
  /**
   * Sign-in time, epoch milliseconds (`at`; the standard `iat` in seconds for tokens signed before it): a token signed
   * before the user's `sessionsEndedAt` (signing out) is refused.
   */
  readonly at?: number;
}

/** A short fingerprint of a stored password hash (never the hash itself) that changes when the password does. */
export function passwordVersion(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('base64url').slice(0, 16);
}

/** Signs a session token (HS256) for a console user. */
export function signSession(
  claims: SessionClaims,
  secret: string,
  ttlSeconds: number,
): { token: string; expiresAt: Date } {
  const payload = {
    username: claims.username,
    role: claims.role,
    at: Date.now(),
    ...(claims.pv ? { pv: claims.pv } : {}),
  };
  const token = jwt.sign(payload, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn: ttlSeconds,
    issuer: 'gongji',
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

const keys = new Map<string, KeyObject>();

/**
 * The HMAC key object of a secret, built once: given a string, jsonwebtoken re-parses it into a key on every
 * verification (`createPublicKey` showed at 3–7 % of the server's CPU under load, issues #7/#11).
 */
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** Verifies a session token; null when invalid or expired. */
export function verifySession(token: string, secret: string): SessionClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: 'gongji' });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string') return null;
    const role = payload['role'] as Role;
    if (!Object.values(Role).includes(role) || role === Role.PORTAL) return null;
    const pv = typeof payload['pv'] === 'string' ? payload['pv'] : undefined;
    const at =
      typeof payload['at'] === 'number'
        ? payload['at']
        : typeof payload.iat === 'number'
          ? payload.iat * 1000
          : undefined;
    return {
      sub: payload.sub,
      username: String(payload['username']),
      role,
      exp: payload.exp,
      ...(pv ? { pv } : {}),
      ...(at !== undefined ? { at } : {}),
    };
  } catch {
    return null;
  }
}
