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

/** Today in Beijing (YYYY-MM-DD): the service date a counter settlement of today carries (R-SET-5). */
export function todayInBeijing(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/**
 * An outpatient settlement of today through the API (E_VOUCHER: no payment password), as the setup of a console test;
 * fails the test on any refusal. `institutionId` takes an id or an institution code. Returns the transaction id.
 */
export async function settleToday(
  baseUrl: string,
  token: string,
  bill: { patientId: string; institutionId: string; covered: string; idempotencyKey: string },
): Promise<string> {
  const { settlementConfirm } = await graphql<{
    settlementConfirm: { transaction: { id: string } | null; userErrors: unknown[] };
  }>(
    baseUrl,
    `
      mutation ($input: SettlementConfirmInput!) {
        settlementConfirm(input: $input) {
          transaction {
            id
          }
          userErrors {
            code
            message
          }
        }
      }
    `,
    { input: { ...bill, visitType: 'OUTPATIENT', serviceDate: todayInBeijing(), channel: 'E_VOUCHER' } },
    token,
  );
  if (!settlementConfirm.transaction)
    throw new Error(`settlement refused: ${JSON.stringify(settlementConfirm.userErrors)}`);
  return settlementConfirm.transaction.id;
}
