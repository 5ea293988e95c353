// A registration typed in full when the session expired is not lost (issue: 保存 after the session ended signed the
// clerk out and dropped the form). The values go to this tab's sessionStorage, tied to the signed-in user, and the
// registration page fills them in again once that same user has signed back in; a successful save clears them.
// Another user signing in on this tab never sees them (they are dropped).

export { isSessionLost } from '../data/graphqlErrors';

const KEY = 'gongji.draft.person-create';

interface StoredDraft {
  readonly owner: string;
  readonly values: Record<string, unknown>;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the values of a registration that could not be saved because the session ended. */
export function saveDraft(owner: string | undefined, values: Record<string, unknown>): void {
  if (!owner) return;
  try {
    storage()?.setItem(KEY, JSON.stringify({ owner, values } satisfies StoredDraft));
  } catch {
    // storage full or disabled: nothing more to do
  }
}

/** The kept values for `owner`, or null; a draft of another user is dropped. */
export function readDraft(owner: string | undefined): Record<string, unknown> | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as StoredDraft;
    if (!owner || draft.owner !== owner) {
      clearDraft();
      return null;
    }
    return draft.values && typeof draft.values === 'object' ? draft.values : null;
  } catch {
    clearDraft();
    return null;
  }
}

export function clearDraft(): void {
  storage()?.removeItem(KEY);
}
