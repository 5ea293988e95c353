// The signed-in session lives in localStorage so a reload keeps the officer signed in until the token expires.
import type { Role } from '../data/graphqlTypes';

const KEY = 'gongji.session';

export interface StoredSession {
  readonly token: string;
  readonly expiresAt: string | null;
  readonly user: {
    readonly id: string;
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
  };
}

export function readSession(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as StoredSession;
    if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
      clearSession();
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

/** True when a session was stored, expired or not: tells "signed out" apart from "never signed in". */
export function hasStoredSession(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) != null;
  } catch {
    return false;
  }
}

export function writeSession(session: StoredSession): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  globalThis.localStorage?.removeItem(KEY);
}
