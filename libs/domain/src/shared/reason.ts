/**
 * The longest reason an audited change keeps, in characters (code points): one or two sentences for the audit trail —
 * the identity document checked, the notice a correction follows. The API refuses a longer one (`REASON_TOO_LONG`);
 * the console stops typing at it.
 */
export const REASON_MAX_LENGTH = 500;
