import { type DataSource, type UserEntity, endSessions, userById, userByUsername } from '@gongji/persistence';
import { hashSecret, verifySecret } from '../../auth/passwords';
import type { Role } from '../../auth/principal';
import { passwordVersion, signSession } from '../../auth/tokens';
import type { AppConfig } from '../../config';
import type { RateLimiter } from '../../limits/rate-limit';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { SessionCreatePayload, User } from './session.types';

/** A hash to verify against when the user does not exist, so timing does not reveal valid user names. */
let decoyHash: Promise<string> | undefined;

/**
 * Failed sign-ins per user name before its sign-in is throttled for the rest of the window (OWASP's account
 * throttling): staff passwords cannot be guessed at the anonymous request budget, and a throttled name costs no
 * argon2 check. Counted in the shared rate limiter: with REDIS_URL one budget for every API process.
 */
export const SIGN_IN_FAILURES = { points: 10, windowSeconds: 15 * 60 } as const;

const { points: SIGN_IN_POINTS, windowSeconds: SIGN_IN_WINDOW } = SIGN_IN_FAILURES;

export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  async create(username: string, password: string): Promise<SessionCreatePayload> {
    const key = `sign-in:${username.trim().toLowerCase()}`;
    const wait = await this.limiter.exhausted(key, SIGN_IN_POINTS, SIGN_IN_WINDOW);
    if (wait !== null) return throttled(wait);
    const user = await userByUsername(this.dataSource, username);
    decoyHash ??= hashSecret('decoy-password-for-timing');
    const ok = await verifySecret(user?.passwordHash ?? (await decoyHash), password);
    if (!user || user.disabledAt || !ok) {
      const spent = await this.limiter.consume(key, SIGN_IN_POINTS, SIGN_IN_WINDOW);
      if (!spent.allowed) return throttled(spent.retryAfterSeconds);
      return {
        token: null,
        expiresAt: null,
        user: null,
        userErrors: [
          userError(ApiErrorCode.INVALID_CREDENTIALS, 'Unknown user name or wrong password', ['password']),
        ],
      };
    }
    await this.limiter.reset(key, SIGN_IN_POINTS, SIGN_IN_WINDOW);
    const { token, expiresAt } = signSession(
      {
        sub: user.id,
        username: user.username,
        role: user.role as Role,
        pv: passwordVersion(user.passwordHash),
      },
      this.config.secret,
      this.config.sessionTtlSeconds,
    );
    return { token, expiresAt, user: toUser(user), userErrors: [] };
  }

  /**
   * Signs the user out everywhere: every session token signed until now is refused (this process at once, every
   * other API process within its 5 s recheck). The console calls it on 退出登录.
   */
  async end(userId: string, forget: (userId: string) => void): Promise<Date> {
    const at = new Date();
    await endSessions(this.dataSource, userId, at);
    forget(userId);
    return at;
  }

  async findUser(id: string): Promise<User | null> {
    const user = await userById(this.dataSource, id);
    return user ? toUser(user) : null;
  }
}

function throttled(retryAfterSeconds: number): SessionCreatePayload {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    token: null,
    expiresAt: null,
    user: null,
    userErrors: [
      userError(
        ApiErrorCode.SIGN_IN_THROTTLED,
        `Too many failed sign-ins for this user name; try again in ${minutes} minutes`,
        ['username'],
        undefined,
        { minutes },
      ),
    ],
  };
}

export function toUser(e: UserEntity): User {
  return { id: e.id, username: e.username, displayName: e.displayName, role: e.role as Role };
}
