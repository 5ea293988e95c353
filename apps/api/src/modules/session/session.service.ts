import { type DataSource, type UserEntity, userById, userByUsername } from '@gongji/persistence';
import { hashSecret, verifySecret } from '../../auth/passwords';
import type { Role } from '../../auth/principal';
import { signSession } from '../../auth/tokens';
import type { AppConfig } from '../../config';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { SessionCreatePayload, User } from './session.types';

/** A hash to verify against when the user does not exist, so timing does not reveal valid user names. */
let decoyHash: Promise<string> | undefined;

export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async create(username: string, password: string): Promise<SessionCreatePayload> {
    const user = await userByUsername(this.dataSource, username);
    decoyHash ??= hashSecret('decoy-password-for-timing');
    const ok = await verifySecret(user?.passwordHash ?? (await decoyHash), password);
    if (!user || user.disabledAt || !ok) {
      return {
        token: null,
        expiresAt: null,
        user: null,
        userErrors: [
          userError(ApiErrorCode.INVALID_CREDENTIALS, 'Unknown user name or wrong password', ['password']),
        ],
      };
    }
    const { token, expiresAt } = signSession(
      { sub: user.id, username: user.username, role: user.role as Role },
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

export function toUser(e: UserEntity): User {
  return { id: e.id, username: e.username, displayName: e.displayName, role: e.role as Role };
}
