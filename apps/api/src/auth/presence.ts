import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Proof of presence at a desk (the national 1101 look-up): the social security card number read from the card, or
 * the code of the electronic medical-insurance voucher (医保电子凭证) shown in the national app. An ID number
 * alone is not proof: it is printed on too many documents.
 */

/** A new social security card number (社会保障卡号): a letter and 15 digits, random. */
export function newCardNumber(): string {
  let digits = '';
  for (let i = 0; i < 15; i++) digits += String(randomInt(10));
  return `S${digits}`;
}

/** E-voucher codes expire quickly, like the app's refreshing QR code. */
export const E_VOUCHER_TTL_SECONDS = 300;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', `e-voucher:${secret}`).update(payload).digest('base64url').slice(0, 22);
}

/** `EV1.<personId>.<expiry epoch seconds>.<mac>`: signed, stateless, person-bound and short-lived. */
export function issueEVoucherCode(
  personId: string,
  secret: string,
  now: Date = new Date(),
): { code: string; expiresAt: Date } {
  const expires = Math.floor(now.getTime() / 1000) + E_VOUCHER_TTL_SECONDS;
  const payload = `EV1.${personId}.${expires}`;
  return { code: `${payload}.${mac(secret, payload)}`, expiresAt: new Date(expires * 1000) };
}

/** The person an e-voucher code names, or null when it is forged, malformed or expired. */
export function verifyEVoucherCode(code: string, secret: string, now: Date = new Date()): string | null {
  const m = /^(EV1\.([0-9a-f-]{36})\.(\d{10}))\.([A-Za-z0-9_-]{22})$/.exec(code);
  if (!m) return null;
  const expected = Buffer.from(mac(secret, m[1]));
  const given = Buffer.from(m[4]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(m[3]) * 1000 < now.getTime()) return null;
  return m[2];
}
