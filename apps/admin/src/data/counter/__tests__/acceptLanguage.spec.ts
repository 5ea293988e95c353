import { gql } from '@apollo/client';
import { createApolloClient } from '../../apolloClient';

/** The API answers refusals in the language of Accept-Language: the console sends its UI language (issue #10). */
describe('Accept-Language follows the console language', () => {
  const originalFetch = globalThis.fetch;
  let seen: Array<Record<string, string>> = [];
  const store = new Map<string, string>();

  beforeAll(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => store.set(k, v),
        removeItem: (k: string) => store.delete(k),
      },
    });
    globalThis.fetch = (async (_url: unknown, init?: { headers?: Record<string, string> }) => {
      seen.push({ ...(init?.headers ?? {}) });
      return new Response(JSON.stringify({ data: { viewer: null } }), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = originalFetch;
    Reflect.deleteProperty(globalThis, 'localStorage');
  });
  beforeEach(() => {
    seen = [];
    store.clear();
  });

  const ask = () =>
    createApolloClient('http://console.test/graphql').query({
      query: gql`
        {
          viewer {
            id
          }
        }
      `,
    });

  it('sends zh-CN by default (Chinese first)', async () => {
    await ask();
    expect(seen[0]['accept-language']).toBe('zh-CN');
    expect(seen[0].authorization).toBeUndefined();
  });

  it('sends en once English is chosen in the locale menu, with the session token', async () => {
    store.set('RaStore.locale', JSON.stringify('en'));
    store.set(
      'gongji.session',
      JSON.stringify({
        token: 't0k',
        expiresAt: null,
        user: { id: 'u', username: 'c', displayName: 'c', role: 'COUNTER' },
      }),
    );
    await ask();
    expect(seen[0]['accept-language']).toBe('en');
    expect(seen[0].authorization).toBe('Bearer t0k');
  });
});
