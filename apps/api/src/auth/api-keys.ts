import { createHash, randomBytes } from 'node:crypto';

/** API keys look like `gj_<prefix>_<secret>`; the prefix finds the row, the whole key is verified against its hash. */
export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `gj_${prefix}_${randomBytes(24).toString('base64url')}`, prefix };
}

export function apiKeyPrefix(key: string): string | null {
  const m = /^gj_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(key);
  return m ? m[1] : null;
}

/** Cache key for a verified API key (never store the key itself in memory maps). */
export function apiKeyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
