import { randomUUID } from 'node:crypto';
import { PocketEntity, UserEntity } from '@gongji/persistence';
import { hashSecret } from '../auth/passwords';
import type { TestApp } from '../testing/test-app';
import { ledgerSize } from './wallet.helpers';

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  } | null;
  readonly text: string;
}

/** A raw HTTP request to /graphql (any method, body and headers), for the refusals the JSON helper cannot send. */
export async function raw(
  app: TestApp,
  init: { method?: string; body?: string; headers?: Record<string, string>; search?: string } = {},
): Promise<RawResponse> {
  // `Accept-Language: en` unless told otherwise, like TestApp.gql (the suites assert English texts; '' sends none).
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'accept-language': 'en',
    ...init.headers,
  };
  if (!headers['accept-language']) delete headers['accept-language'];
  const res = await fetch(`${app.url}/graphql${init.search ?? ''}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.body,
  });
  const text = await res.text();
  let body: RawResponse['body'] = null;
  try {
    body = JSON.parse(text) as RawResponse['body'];
  } catch {
    body = null;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Transactions, postings and the sum of every pocket: "nothing moved" means all three are unchanged. */
export async function moneySnapshot(
  app: TestApp,
): Promise<{ transactions: number; postings: number; pockets: string }> {
  const size = await ledgerSize(app);
  const pockets = await app.db.getRepository(PocketEntity).find();
  return { ...size, pockets: pockets.reduce((sum, p) => sum + p.balance, 0n).toString() };
}

/** A console user written straight into the database (production mode has no demo users); returns a session token. */
export async function userToken(app: TestApp, role: 'ADMIN' | 'COUNTER' | 'ANALYST'): Promise<string> {
  const username = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  await app.db.getRepository(UserEntity).insert({
    id: randomUUID(),
    username,
    displayName: username,
    role,
    passwordHash: await hashSecret(password),
    createdAt: new Date(),
    disabledAt: null,
  });
  const res = await app.gql<{ sessionCreate: { token: string | null } }>(
    'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
    { u: username, p: password },
  );
  const token = res.data?.sessionCreate.token;
  if (!token) throw new Error(`sign-in of ${username} failed: ${JSON.stringify(res)}`);
  return token;
}

/** The 18-character ID numbers anywhere in a text (a full ID number has no `*`). */
export function fullIdNumbers(text: string): string[] {
  return text.match(/\d{17}[\dX]/g) ?? [];
}

export { presentEVoucher } from './wallet.helpers';
