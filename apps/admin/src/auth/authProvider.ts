// Session handling against the API's `sessionCreate` mutation, through the same Apollo client as the data.
import type { AuthProvider, UserIdentity } from 'ra-core';
import { apolloClient } from '../data/apolloClient';
import { describeUserError, isUnauthenticated } from '../data/graphqlErrors';
import type { Role, UserError } from '../data/graphqlTypes';
import { SESSION_CREATE_MUTATION, SESSION_END_MUTATION } from '../data/regionDocuments';
import {
  clearSession,
  hasStoredSession,
  readSession,
  writeSession,
  type StoredSession,
} from './sessionStore';

interface SessionCreatePayload {
  readonly token: string | null;
  readonly expiresAt: string | null;
  readonly user: StoredSession['user'] | null;
  readonly userErrors: readonly UserError[];
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const result = await apolloClient.mutate<{ sessionCreate: SessionCreatePayload }>({
      mutation: SESSION_CREATE_MUTATION,
      variables: { input: { username, password } },
    });
    const payload = result.data?.sessionCreate;
    if (!payload || payload.userErrors.length > 0 || !payload.token || !payload.user) {
      const message = payload?.userErrors.map(describeUserError).join('; ');
      throw new Error(message || 'ra.auth.sign_in_error');
    }
    writeSession({ token: payload.token, expiresAt: payload.expiresAt, user: payload.user });
    await apolloClient.clearStore();
  },

  async logout() {
    // 退出登录 ends the session on the server too (sessionEnd), so a copied or left-behind token stops working; an
    // expired session or an unreachable server just signs out here.
    if (readSession()) await apolloClient.mutate({ mutation: SESSION_END_MUTATION }).catch(() => undefined);
    clearSession();
    await apolloClient.clearStore();
  },

  async checkAuth() {
    const hadSession = hasStoredSession();
    if (readSession()) return;
    // Someone who never signed in just gets the login page; an expired session is worth a notice.
    throw hadSession ? new Error('gongji.errors.unauthenticated') : { message: false };
  },

  // Only an expired or revoked session signs the officer out; FORBIDDEN stays a notification (403). The session is
  // cleared by `logout`, which react-admin calls next: clearing it here already made react-admin skip its notice
  // ("notify only if not yet logged out"), so the clerk was sent to the login page without 登录已过期，请重新登录.
  // Without a session at all (signed out, then Back) any failed read goes to the login page: react-admin notifies
  // nothing then (its checkAuth fails), so neither 登录已过期 nor Apollo's text nor 条目不存在 is shown.
  async checkError(error: unknown) {
    if (isUnauthenticated(error) || !readSession()) {
      throw new Error('gongji.errors.unauthenticated');
    }
  },

  async getPermissions(): Promise<Role | undefined> {
    return readSession()?.user.role;
  },

  async getIdentity(): Promise<UserIdentity> {
    const session = readSession();
    if (!session) throw new Error('gongji.errors.unauthenticated');
    return { id: session.user.id, fullName: session.user.displayName };
  },
};
