import { createHmac } from 'node:crypto';
import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1; OWASP Password Storage Cheat Sheet), salted
 * (R-ACC-7 decision, issue #2), for secrets people choose: staff sign-in passwords. The library's defaults (m = 64
 * MiB, t = 3, p = 4) cost ~3× the CPU per verification for no real gain. Hashes made with other parameters keep
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

/**
 * Payment passwords (R-ACC-7) are six digits: 10^6 values. No work factor protects that space offline — at the
 * sign-in cost above (~27 ms a check on this machine) all values of one account are tried in 7.5 core-hours — so what protects a stolen database is a **pepper**: the password is keyed with HMAC-SHA-256 under a server secret
 * kept outside the database (`GONGJI_PAYMENT_PEPPER`, required in production; OWASP Password Storage Cheat Sheet,
 * "Peppering"), and only then hashed with a salted argon2id. Without the pepper a dump of `persons` cannot be
 * attacked offline at all; online, the failure lock (R-ACC-7) stops guessing after a few attempts. The argon2 step
 * stays as defence in depth for the case where pepper and database leak together, at a cost of ~4 ms per check
 * (m = 4 MiB, t = 2) instead of ~27 ms: a CARD payment is on the money path of every hospital bill (issue #7,
 * docs/decisions.md "Payment passwords").
 *
 * Stored form: `$gongji-pepper-v1` followed by the argon2id hash of the hex HMAC. Hashes without the prefix (made
 * before the pepper) keep verifying as plain argon2id of the password; the next change or reset stores the new form.
 */
const PIN_OPTIONS = { type: argon2.argon2id, memoryCost: 4_096, timeCost: 2, parallelism: 1 } as const;
const PEPPERED_V1 = '$gongji-pepper-v1';

function peppered(pepper: string, pin: string): string {
  return createHmac('sha256', pepper).update(pin, 'utf8').digest('hex');
}

/** The stored form of a payment password under `pepper` (see above). Slow-ish: call it outside any transaction. */
export async function hashPaymentPin(pepper: string, pin: string): Promise<string> {
  return PEPPERED_V1 + (await argon2.hash(peppered(pepper, pin), PIN_OPTIONS));
}

/** Checks a payment password against its stored form, peppered (v1) or from before the pepper (plain argon2id). */
export async function verifyPaymentPin(pepper: string, stored: string, pin: string): Promise<boolean> {
  if (stored.startsWith(PEPPERED_V1)) {
    return verifySecret(stored.slice(PEPPERED_V1.length), peppered(pepper, pin));
  }
  return verifySecret(stored, pin);
}
