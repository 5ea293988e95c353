import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGES, TOP_LEVEL_MESSAGES, hasMessage, renderMessage } from '@gongji/domain';
import { type GraphQLEnumType, buildSchema as parseSdl } from 'graphql';
import { ErrorCode } from '../common/user-error';
import { createSchema } from '../schema';

/**
 * Issue #9: every `code` a mutation can return (UserError.code is the schema's ErrorCode enum: the API's own codes
 * plus every `*ErrorCode` enum of libs/domain) has a Chinese and an English message; a code added without messages
 * fails here. The committed SDL is checked as well, so a code that only a stale schema.graphql still lists is caught.
 */
describe('refusal catalogue covers every ErrorCode (issue #9)', () => {
  let live: string[];
  beforeAll(async () => {
    const schema = await createSchema();
    live = (schema.getType('ErrorCode') as GraphQLEnumType).getValues().map((v) => v.value as string);
  });

  it('the live schema ErrorCode enum is the collected codes (sanity)', () => {
    expect([...live].sort()).toEqual(Object.values(ErrorCode).sort());
    expect(live.length).toBeGreaterThan(80);
  });

  it('every code of the live schema has a message in Chinese and in English', () => {
    const missing = live.flatMap((code) =>
      LANGUAGES.filter((language) => !hasMessage(code, language)).map((language) => `${code} (${language})`),
    );
    expect(missing).toEqual([]);
  });

  it('every code of the committed apps/api/schema.graphql has a message in Chinese and in English', () => {
    const sdl = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    const committed = (parseSdl(sdl).getType('ErrorCode') as GraphQLEnumType).getValues().map((v) => v.name);
    const missing = committed.flatMap((code) =>
      LANGUAGES.filter((language) => !hasMessage(code, language)).map((language) => `${code} (${language})`),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'BAD_USER_INPUT',
    'QUERY_TOO_COMPLEX',
    'INTROSPECTION_DISABLED',
    'RATE_LIMITED',
    'PERSISTED_QUERY_NOT_ALLOWED',
    'REQUEST_TIMEOUT',
    'INTERNAL_SERVER_ERROR',
  ])('top-level %s (API.md) has a Chinese and an English message', (code) => {
    expect(TOP_LEVEL_MESSAGES[code]).toBeDefined();
    for (const language of LANGUAGES) expect(hasMessage(code, language)).toBe(true);
    expect(renderMessage(code, 'zh', { detail: 'x', retryAfterSeconds: 7, limitPerMinute: 60 })).toMatch(
      /[\u4e00-\u9fff]/,
    );
  });
});
