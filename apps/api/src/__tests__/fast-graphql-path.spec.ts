import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';
import { type App, startApp } from '../bootstrap';
import { loadConfig } from '../config';
import { isFastGraphQLRequest } from '../http/fast-graphql';
import { withUtf8Charset } from '../http/gateway';
import { createLogger } from '../logger';
import { DEMO_USERS } from '../seed/demo';

/**
 * Issue #11: `POST /graphql` with a JSON body is served without express (http/fast-graphql.ts). Every request below
 * goes once through that path (the server's own listener) and once through the express app alone (a second
 * listener on `RunningServer.app`, i.e. today's chain), and the two answers must be the same: status, headers (names,
 * case, order, values; only Date differs) and body bytes. A generated request id is the one thing that may differ.
 */

interface Exchange {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface Answer {
  readonly status: number;
  /** Raw response headers without Date, as name/value pairs in the order sent. */
  readonly headers: string[];
  readonly body: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Status, raw headers without Date (in the order sent) and body of a response, once it has ended. */
function readAnswer(res: http.IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const headers: string[] = [];
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        if (res.rawHeaders[i].toLowerCase() !== 'date')
          headers.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
      }
      resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

function request(base: string, exchange: Exchange): Promise<Answer> {
  const url = new URL(exchange.path ?? '/graphql', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: exchange.method ?? 'POST',
        agent: false,
        headers: {
          ...((exchange.method ?? 'POST') === 'POST' ? { 'content-type': 'application/json' } : {}),
          ...exchange.headers,
          ...(exchange.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(exchange.body)) }
            : {}),
        },
      },
      (res) => void readAnswer(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(exchange.body);
  });
}

/** The answer with generated request ids (UUIDs) replaced, for comparing two answers. */
const normalized = (a: Answer): Answer => ({
  status: a.status,
  headers: a.headers.map((h) => h.replace(UUID, '<uuid>')),
  body: a.body.replace(UUID, '<uuid>'),
});

async function listen(listener: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface Harness {
  readonly app: App;
  /** The server's own listener: the fast path for POST JSON, express for the rest. */
  readonly fast: string;
  /** The express app alone (today's chain for every request). */
  readonly express: string;
  /** How many requests reached the express app since the last call. */
  expressCalls(): number;
  close(): Promise<void>;
}

async function harness(env: NodeJS.ProcessEnv = {}): Promise<Harness> {
  const database: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    GONGJI_ADMIN_DIR: '',
    ...env,
    DATABASE_URL: database.url,
  });
  const app = await startApp(config, createLogger(process.env['LOG_LEVEL'] ?? 'fatal'));
  const expressApp = app.server.app;
  const alone = await listen((req, res) => expressApp(req, res));
  // The express app calls its `handle` for every request it serves; counting those calls tells the paths apart.
  const handle = jest.spyOn(expressApp as unknown as { handle: (...args: unknown[]) => void }, 'handle');
  return {
    app,
    fast: app.url,
    express: alone.url,
    expressCalls: () => {
      const n = handle.mock.calls.length;
      handle.mockClear();
      return n;
    },
    close: async () => {
      handle.mockRestore();
      await new Promise((resolve) => alone.server.close(resolve));
      await app.close();
      await database.drop();
    },
  };
}

async function login(h: Harness, username: (typeof DEMO_USERS)[number]['username']): Promise<string> {
  const password = DEMO_USERS.find((u) => u.username === username)!.password;
  const res = await request(h.fast, {
    body: JSON.stringify({
      query:
        'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
      variables: { u: username, p: password },
    }),
  });
  return (JSON.parse(res.body) as { data: { sessionCreate: { token: string } } }).data.sessionCreate.token;
}

const gql = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

describe(`the express-free GraphQL path (${ENTITY_DIALECT})`, () => {
  let h: Harness;
  let admin: string;
  let persistedHash: string;
  beforeAll(async () => {
    h = await harness();
    admin = await login(h, 'admin');
    const registered = await request(h.fast, {
      headers: { authorization: `Bearer ${admin}` },
      body: gql(
        'mutation($i: PersistedOperationRegisterInput!) { persistedOperationRegister(input: $i) { persistedOperation { sha256Hash } } }',
        {
          variables: {
            i: { name: 'Beijing', document: 'query Beijing { region(code: "110000") { name } }' },
          },
        },
      ),
    });
    persistedHash = (
      JSON.parse(registered.body) as {
        data: { persistedOperationRegister: { persistedOperation: { sha256Hash: string } } };
      }
    ).data.persistedOperationRegister.persistedOperation.sha256Hash;
    h.expressCalls();
  });
  afterAll(async () => h?.close());

  const cases: [string, () => Exchange, { status: number; viaExpress?: boolean }][] = [
    ['a trivial query', () => ({ body: gql('{ __typename }') }), { status: 200 }],
    [
      'a query with a token, a request id and a query string',
      () => ({
        path: '/graphql?trace=1',
        headers: { authorization: `Bearer ${admin}`, 'x-request-id': 'req-1.a_b', 'accept-language': 'en' },
        body: gql('{ region(code: "110000") { code name } apiClients { totalCount } }'),
      }),
      { status: 200 },
    ],
    [
      'invalid JSON (400 BAD_REQUEST, in Chinese by default)',
      () => ({ body: '{"query": ' }),
      { status: 400 },
    ],
    [
      'invalid JSON, Accept-Language: en',
      () => ({ headers: { 'accept-language': 'en' }, body: '{"query" "x"}' }),
      { status: 400 },
    ],
    ['a JSON string, not an object (strict)', () => ({ body: '"{ __typename }"' }), { status: 400 }],
    [
      'a body over 512kb (413)',
      () => ({ body: gql(`{ __typename } # ${'x'.repeat(600 * 1024)}`) }),
      { status: 413 },
    ],
    [
      'an unsupported charset (415)',
      () => ({
        headers: { 'content-type': 'application/json; charset=latin1' },
        body: gql('{ __typename }'),
      }),
      { status: 415 },
    ],
    [
      'charset=UTF-8 and odd spacing',
      () => ({
        headers: { 'content-type': 'Application/JSON ; charset=UTF-8' },
        body: gql('{ __typename }'),
      }),
      { status: 200 },
    ],
    ['an empty body', () => ({ body: '' }), { status: 400 }],
    ['a batch (refused)', () => ({ body: JSON.stringify([{ query: '{ __typename }' }]) }), { status: 400 }],
    [
      'a protected field without a token (401 from GraphQL)',
      () => ({ headers: { 'accept-language': 'en' }, body: gql('{ apiClients { totalCount } }') }),
      { status: 401 },
    ],
    [
      'a bad token (401)',
      () => ({ headers: { authorization: 'Bearer not-a-token' }, body: gql('{ __typename }') }),
      { status: 401 },
    ],
    ['a syntax error', () => ({ body: gql('{ region(code: "110000") { code ') }), { status: 400 }],
    [
      'a validation error',
      () => ({ headers: { 'accept-language': 'en' }, body: gql('{ nope }') }),
      { status: 400 },
    ],
    [
      'a persisted query that is not registered',
      () => ({
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }),
      }),
      { status: 400 },
    ],
    [
      'a registered persisted query by its hash (with a token)',
      () => ({
        headers: { authorization: `Bearer ${admin}` },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash } } }),
      }),
      { status: 200 },
    ],
    [
      'a persisted query whose text does not match its hash',
      () => ({
        body: JSON.stringify({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash } },
        }),
      }),
      { status: 400 },
    ],
    [
      'Accept: application/graphql-response+json',
      () => ({ headers: { accept: 'application/graphql-response+json' }, body: gql('{ nope }') }),
      { status: 400 },
    ],
    [
      'Accept: the subscription-callback media type (parameters re-ordered by express)',
      () => ({ headers: { accept: 'application/json; callbackSpec=1.0' }, body: gql('{ __typename }') }),
      { status: 200 },
    ],
    [
      'Accept: nothing GraphQL answers (406)',
      () => ({ headers: { accept: 'text/csv' }, body: gql('{ __typename }') }),
      { status: 406 },
    ],
    [
      'text/plain: CSRF prevention (express path on both)',
      () => ({ headers: { 'content-type': 'text/plain' }, body: gql('{ __typename }') }),
      { status: 400, viaExpress: true },
    ],
    [
      'GET without a preflight header: CSRF prevention (express path on both)',
      () => ({ method: 'GET', path: '/graphql?query=%7B__typename%7D' }),
      { status: 400, viaExpress: true },
    ],
    [
      'GET with apollo-require-preflight (express path on both)',
      () => ({
        method: 'GET',
        path: '/graphql?query=%7B__typename%7D',
        headers: { 'apollo-require-preflight': '1' },
      }),
      { status: 200, viaExpress: true },
    ],
    [
      'POST /graphql/ (trailing slash: express path on both)',
      () => ({ path: '/graphql/', body: gql('{ __typename }') }),
      { status: 200, viaExpress: true },
    ],
    // Apollo's own HTTP-level refusals: localized, with the request id, alike on both paths.
    [
      'variables that are not an object',
      () => ({ body: gql('{ __typename }', { variables: 'x' }) }),
      { status: 400 },
    ],
    [
      'an operationName that is not a string, in English',
      () => ({ headers: { 'accept-language': 'en' }, body: gql('{ __typename }', { operationName: 1 }) }),
      { status: 400 },
    ],
    ['a query that is not a string', () => ({ body: JSON.stringify({ query: 1 }) }), { status: 400 }],
    ['an empty JSON object', () => ({ body: '{}' }), { status: 400 }],
    [
      'a GET with malformed variables (express path on both)',
      () => ({
        method: 'GET',
        path: '/graphql?query=%7B__typename%7D&variables=x',
        headers: { 'apollo-require-preflight': '1' },
      }),
      { status: 400, viaExpress: true },
    ],
  ];

  it.each(cases)('%s: the same answer on both paths', async (_name, exchange, expected) => {
    const fast = await request(h.fast, exchange());
    expect(h.expressCalls()).toBe(expected.viaExpress ? 1 : 0);
    const express = await request(h.express, exchange());
    expect(h.expressCalls()).toBe(1);
    expect(fast.status).toBe(expected.status);
    expect(normalized(fast)).toEqual(normalized(express));
    if (fast.status >= 400 && fast.headers.some((h) => /^content-type: application\/json/i.test(h))) {
      // Every refusal has the shape of a top-level error: a code and the request id (Apollo's own ones too).
      for (const error of (JSON.parse(fast.body) as { errors: { extensions: Record<string, unknown> }[] })
        .errors) {
        expect(error.extensions['code']).toEqual(expect.any(String));
        expect(error.extensions['requestId']).toEqual(expect.any(String));
      }
    }
  });

  it('echoes a sane x-request-id and makes up a UUID otherwise, on both paths', async () => {
    for (const base of [h.fast, h.express]) {
      const given = await request(base, { headers: { 'x-request-id': 'abc-1' }, body: 'nope' });
      expect(given.headers[0]).toBe('x-request-id: abc-1');
      expect(JSON.parse(given.body).errors[0].extensions.requestId).toBe('abc-1');
      const made = await request(base, { headers: { 'x-request-id': 'bad id!' }, body: 'nope' });
      const id = /^x-request-id: (.+)$/.exec(made.headers[0])![1];
      expect(id).toMatch(UUID);
      expect(JSON.parse(made.body).errors[0].extensions.requestId).toBe(id);
    }
  });

  it('serves POST with a JSON body without express, and everything else through it', async () => {
    h.expressCalls();
    const calls = async (exchange: Exchange) => {
      await request(h.fast, exchange);
      return h.expressCalls();
    };
    expect(await calls({ body: gql('{ __typename }') })).toBe(0);
    expect(await calls({ path: '/graphql?x=1', body: gql('{ __typename }') })).toBe(0);
    expect(await calls({ headers: { 'content-type': 'application/json;charset=utf-8' }, body: '{}' })).toBe(
      0,
    );
    expect(await calls({ headers: { 'content-type': 'application/graphql' }, body: '{ __typename }' })).toBe(
      1,
    );
    expect(await calls({ headers: { 'content-type': 'application/jsonx' }, body: '{}' })).toBe(1);
    expect(await calls({ method: 'GET', path: '/health' })).toBe(1);
    expect(await calls({ method: 'OPTIONS' })).toBe(1);
    expect(await calls({ path: '/GRAPHQL', body: gql('{ __typename }') })).toBe(1);
  });

  it('recognizes the JSON media type as express.json does', () => {
    const post = (url: string, type?: string) =>
      isFastGraphQLRequest({
        method: 'POST',
        url,
        headers: type === undefined ? {} : { 'content-type': type },
      } as http.IncomingMessage);
    expect(post('/graphql', 'application/json')).toBe(true);
    expect(post('/graphql', 'APPLICATION/JSON; charset=utf-8')).toBe(true);
    expect(post('/graphql?a=b', 'application/json ;charset=utf-8')).toBe(true);
    expect(post('/graphql')).toBe(false);
    expect(post('/graphql', 'application/json-patch+json')).toBe(false);
    expect(post('/graphqlx', 'application/json')).toBe(false);
    expect(post('/health', 'application/json')).toBe(false);
  });

  it("rewrites a response's Content-Type as express's res.send does", () => {
    const { setCharset } = createRequire(__filename)('express/lib/utils') as {
      setCharset(type: string, charset: string): string;
    };
    for (const type of [
      'application/json; charset=utf-8',
      'application/graphql-response+json; charset=utf-8',
      'application/json; callbackSpec=1.0; charset=utf-8',
      'Application/JSON',
      'text/html',
      'multipart/mixed; boundary="-"; deferSpec=20220824',
      'text/plain; charset=latin1; a="q \\" x"',
    ]) {
      expect(withUtf8Charset(type)).toBe(setCharset(type, 'utf-8'));
    }
    expect(() => withUtf8Charset('not a type')).toThrow(TypeError);
  });
});

describe(`the express-free GraphQL path: rate limit and timeout (${ENTITY_DIALECT})`, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ GONGJI_RATE_LIMITS: 'anonymous=2', GONGJI_REQUEST_TIMEOUT_MS: '300' });
  });
  afterAll(async () => h?.close());

  it('over budget: the same 429 on both paths', async () => {
    const body = gql('{ __typename }');
    expect((await request(h.fast, { body })).status).toBe(200);
    expect((await request(h.fast, { body })).status).toBe(200);
    const fast = await request(h.fast, { body });
    const express = await request(h.express, { body });
    expect(fast.status).toBe(429);
    // Retry-After counts down: only its value may differ between the two requests.
    const seconds = (a: Answer) => ({
      ...normalized(a),
      headers: normalized(a).headers.map((x) => x.replace(/^Retry-After: \d+$/, 'Retry-After: <s>')),
      body: normalized(a).body.replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":<s>'),
    });
    expect(seconds(fast)).toEqual(seconds(express));
    expect(fast.headers).toContainEqual(expect.stringMatching(/^Retry-After: \d+$/));
  });

  it('a body that never finishes: the same 503 REQUEST_TIMEOUT on both paths', async () => {
    const slow = (base: string) =>
      new Promise<Answer>((resolve, reject) => {
        const req = http.request(new URL('/graphql', base), {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': '100', 'x-request-id': 'slow' },
        });
        req.on('response', (res) =>
          readAnswer(res).then((answer) => {
            resolve(answer);
            req.destroy();
          }, reject),
        );
        req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
        req.write('{"query":');
      });
    const fast = await slow(h.fast);
    const express = await slow(h.express);
    expect(fast.status).toBe(503);
    expect(JSON.parse(fast.body).errors[0].extensions).toMatchObject({
      code: 'REQUEST_TIMEOUT',
      requestId: 'slow',
      retryAfterSeconds: 1,
    });
    expect(fast).toEqual(express);
  });
});
