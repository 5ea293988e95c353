import * as argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3): slow and salted (R-ACC-7 decision, issue #2). */
export function hashSecret(secret: string): Promise<string> {
  return argon2.hash(secret, { type: argon2.argon2id });
}

export async function verifySecret(hash: string, secret: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, secret);
  } catch {
    return false;
  }
}
