import { type DataSource, type UserEntity, userById, userByUsername } from '@gongji/persistence';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { hashSecret, verifySecret } from '../../auth/passwords';
import type { Role } from '../../auth/principal';
import { passwordVersion, signSession } from '../../auth/tokens';
import type { AppConfig } from '../../config';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { SessionCreatePayload, User } from './session.types';

/** A hash to verify against when the user does not exist, so timing does not reveal valid user names. */
let decoyHash: Promise<string> | undefined;

/**
 * Failed sign-ins per user name before its sign-in is throttled for the rest of the window (OWASP's account
 * throttling): staff passwords cannot be guessed at the anonymous request budget, and a throttled name costs no
 * argon2 check. Per process: with N API processes a name gets N × this many tries per window.
 */
export const SIGN_IN_FAILURES = { points: 10, windowSeconds: 15 * 60 } as const;

export class SessionService {
  private readonly failures = new RateLimiterMemory({
    keyPrefix: 'gongji_sign_in',
    points: SIGN_IN_FAILURES.points,
    duration: SIGN_IN_FAILURES.windowSeconds,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(username: string, password: string): Promise<SessionCreatePayload> {
    const name = username.trim().toLowerCase();
    const seen = await this.failures.get(name);
    if (seen && seen.consumedPoints >= SIGN_IN_FAILURES.points) return throttled(seen);
    const user = await userByUsername(this.dataSource, username);
    decoyHash ??= hashSecret('decoy-password-for-timing');
    const ok = await verifySecret(user?.passwordHash ?? (await decoyHash), password);
    if (!user || user.disabledAt || !ok) {
      const spent = await this.failures.consume(name).catch((res: unknown) => res);
      if (spent instanceof RateLimiterRes && spent.consumedPoints > SIGN_IN_FAILURES.points)
        return throttled(spent);
      return {
        token: null,
        expiresAt: null,
        user: null,
        userErrors: [
          userError(ApiErrorCode.INVALID_CREDENTIALS, 'Unknown user name or wrong password', ['password']),
        ],
      };
    }
    await this.failures.delete(name);
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

  async findUser(id: string): Promise<User | null> {
    const user = await userById(this.dataSource, id);
    return user ? toUser(user) : null;
  }
}

function throttled(res: RateLimiterRes): SessionCreatePayload {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
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
