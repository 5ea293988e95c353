// One Apollo client for the console: ra-data-graphql runs the resource queries through it and the authProvider
// runs `sessionCreate` through it, so every request carries the same Bearer header and error handling.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { readSession } from '../auth/sessionStore';
import { currentLocale } from '../i18n/currentLocale';

/** Same origin: the API serves the built console at /admin and GraphQL at /graphql (vite proxies in dev). */
export const GRAPHQL_URI = '/graphql';

const authLink = new ApolloLink((operation, forward) => {
  const session = readSession();
  // The API renders refusals (userErrors, top-level errors) in the language of Accept-Language: send the
  // console's current UI language so a Chinese screen never shows an English server message.
  const language = currentLocale() === 'en' ? 'en' : 'zh-CN';
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    headers: {
      ...headers,
      'accept-language': language,
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
  }));
  return forward(operation);
});

export function createApolloClient(uri: string = GRAPHQL_URI): ApolloClient<unknown> {
  return new ApolloClient({
    link: ApolloLink.from([authLink, new HttpLink({ uri })]),
    // The console always asks the server (ra-data-graphql queries network-only); mutation inputs are built from
    // an explicit field list, so the __typename Apollo adds never goes back to the API.
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'network-only' }, mutate: { fetchPolicy: 'no-cache' } },
  });
}

export const apolloClient = createApolloClient();
