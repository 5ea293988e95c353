// Direct GraphQL calls from the test, to check what the browser shows against what the API stores.
export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const data = await graphql<{ sessionCreate: { token: string | null; userErrors: unknown[] } }>(
    baseUrl,
    `
      mutation ($input: SessionCreateInput!) {
        sessionCreate(input: $input) {
          token
          userErrors {
            code
            message
          }
        }
      }
    `,
    { input: { username, password } },
  );
  if (!data.sessionCreate.token)
    throw new Error(`sign-in failed: ${JSON.stringify(data.sessionCreate.userErrors)}`);
  return data.sessionCreate.token;
}
