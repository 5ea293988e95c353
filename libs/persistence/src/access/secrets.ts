import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1; OWASP Password Storage Cheat Sheet), salted
 * (R-ACC-7 decision, issue #2). The library's defaults (m = 64 MiB, t = 3, p = 4) cost ~3× the CPU per verification
 * for no real gain on a six-digit payment password, whose protection is the failure lock (R-ACC-7), and made argon2
 * the largest item of a CARD settlement (issue #7, docs/performance.md). Hashes made with other parameters keep
 * verifying: the parameters are stored in each hash.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, OPTIONS);
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}
