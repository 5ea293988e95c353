import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** HKDF purpose label of the outbox key: a key derived for this purpose is useless for any other (sessions, …). */
export const OUTBOX_KEY_PURPOSE = 'gongji/notification-outbox/v1';

/** Every sealed body starts with this (format version 1); anything else in `body` is a legacy plain text. */
export const SEALED_PREFIX = 'enc:v1:';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed body this server cannot open: another key version (secret rotated), or altered / moved to another row. */
export class OutboxCipherError extends Error {
  constructor(
    message: string,
    /** KEY_VERSION: sealed under a key this server does not hold; TAMPERED: authentication failed; MALFORMED. */
    readonly reason: 'KEY_VERSION' | 'TAMPERED' | 'MALFORMED',
  ) {
    super(message);
    this.name = 'OutboxCipherError';
  }
}

/** What a sealed body is bound to: the same text moved to another row (or another phone) does not open. */
export interface SealContext {
  readonly id: string;
  readonly recipient: string;
  readonly kind: string;
}

/**
 * Seals outbox bodies (R-ACC-7: a plain password is never at rest) with AES-256-GCM under a key derived by HKDF-SHA256
 * from the server secret (GONGJI_SECRET) and {@link OUTBOX_KEY_PURPOSE}. Format:
 * `enc:v1:<key version>:<iv>:<ciphertext+tag>` (base64url), a random 12-byte IV per body, the row's id, phone and kind
 * as additional authenticated data. The key version is a fingerprint of the key (HKDF with a second label), so a
 * body sealed before the secret was rotated is recognised as such and refused with a clear message.
 */
export class OutboxCipher {
  private readonly key: Buffer;
  /** Fingerprint of the key, written into every sealed body (8 hex digits; reveals nothing of the key). */
  readonly keyVersion: string;

  constructor(secret: string) {
    if (!secret) throw new Error('the outbox cipher needs the server secret');
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), OUTBOX_KEY_PURPOSE, 32));
    this.keyVersion = Buffer.from(
      hkdfSync('sha256', this.key, Buffer.alloc(0), `${OUTBOX_KEY_PURPOSE}/key-version`, 4),
    ).toString('hex');
  }

  static isSealed(body: string): boolean {
    return body.startsWith(SEALED_PREFIX);
  }

  seal(plain: string, context: SealContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad(context));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${SEALED_PREFIX}${this.keyVersion}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}`;
  }

  /** The plain text of a sealed body; throws {@link OutboxCipherError} when it cannot be opened. */
  open(sealed: string, context: SealContext): string {
    if (!OutboxCipher.isSealed(sealed)) throw new OutboxCipherError('not a sealed outbox body', 'MALFORMED');
    const [version, ivText, dataText, ...rest] = sealed.slice(SEALED_PREFIX.length).split(':');
    if (!version || ivText === undefined || dataText === undefined || rest.length > 0)
      throw new OutboxCipherError('malformed sealed outbox body', 'MALFORMED');
    if (version !== this.keyVersion)
      throw new OutboxCipherError(
        `sealed under outbox key version ${version}, but this server's GONGJI_SECRET gives ${this.keyVersion} ` +
          '(the secret was changed since the message was written); it cannot be delivered',
        'KEY_VERSION',
      );
    const iv = Buffer.from(ivText, 'base64url');
    const data = Buffer.from(dataText, 'base64url');
    if (iv.length !== IV_BYTES || data.length < TAG_BYTES)
      throw new OutboxCipherError('malformed sealed outbox body', 'MALFORMED');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(aad(context));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(data.subarray(0, data.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new OutboxCipherError(
        'sealed outbox body failed authentication (altered, or moved from another row)',
        'TAMPERED',
      );
    }
  }
}

function aad(context: SealContext): Buffer {
  return Buffer.from(
    JSON.stringify([OUTBOX_KEY_PURPOSE, context.id, context.recipient, context.kind]),
    'utf8',
  );
}
