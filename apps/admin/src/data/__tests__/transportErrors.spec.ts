import { ApolloError } from '@apollo/client';
import { HttpError } from 'ra-core';
import {
  asSignedOut,
  ERROR_MESSAGES,
  isSessionLost,
  isTransportText,
  normalizeDataProviderError,
  userErrorsToHttpError,
} from '../graphqlErrors';
import { loadErrorMessage } from '../../shared/loadErrors';

/** What Apollo's HttpLink rejects with for a non-2xx answer: a ServerError with the status and the parsed body. */
function serverError(statusCode: number, result: unknown): ApolloError {
  const networkError = Object.assign(
    new Error(`Response not successful: Received status code ${statusCode}`),
    {
      name: 'ServerError',
      statusCode,
      result,
      response: {},
    },
  );
  return new ApolloError({ networkError });
}

const RATE_LIMITED = {
  errors: [{ message: '请求过于频繁，请于3566秒后重试', extensions: { code: 'RATE_LIMITED' } }],
};

describe('an HTTP refusal with a JSON body (429 RATE_LIMITED)', () => {
  it("says the server's own message, never Apollo's 'Response not successful'", () => {
    const cause = serverError(429, RATE_LIMITED);
    const normalized = normalizeDataProviderError(new HttpError(cause.message, 200, cause)) as HttpError;
    expect(normalized.message).toBe('请求过于频繁，请于3566秒后重试');
    expect(normalized.status).toBe(429);
    // Also when Apollo's error reaches the normalisation unwrapped (a direct apolloClient call).
    expect((normalizeDataProviderError(cause) as HttpError).message).toBe('请求过于频繁，请于3566秒后重试');
  });

  it('a 401 answer signs out even without an UNAUTHENTICATED code', () => {
    const cause = serverError(401, { errors: [{ message: 'Unauthorized' }] });
    expect(isSessionLost(normalizeDataProviderError(new HttpError(cause.message, 200, cause)))).toBe(true);
  });

  it('an HTTP error without a message in its body says the generic Chinese text', () => {
    const cause = serverError(418, 'teapot');
    const normalized = normalizeDataProviderError(new HttpError(cause.message, 200, cause)) as HttpError;
    expect(normalized.message).toBe(ERROR_MESSAGES.internal);
  });
});

describe("Apollo's own English text is never shown", () => {
  const invariant =
    'An error occurred! For more details, see the full error text at https://go.apollo.dev/c/err#abc';

  it('recognises the go.apollo.dev invariant and the transport text', () => {
    expect(isTransportText(invariant)).toBe(true);
    expect(isTransportText('Response not successful: Received status code 500')).toBe(true);
    expect(isTransportText('请求过于频繁')).toBe(false);
  });

  it('the final guard replaces it with 服务器内部错误', () => {
    expect((normalizeDataProviderError(new Error(invariant)) as HttpError).message).toBe(
      ERROR_MESSAGES.internal,
    );
    expect(
      (normalizeDataProviderError(new HttpError(invariant, 200, new Error(invariant))) as HttpError).message,
    ).toBe(ERROR_MESSAGES.internal);
    expect(loadErrorMessage(new Error(invariant))).toBe(ERROR_MESSAGES.internal);
  });
});

describe('a failed request without a session (signed out, then Back)', () => {
  it('is a lost session (login page), whatever it failed with', () => {
    const lost = asSignedOut(new Error('An error occurred! … go.apollo.dev'), false) as HttpError;
    expect(lost.status).toBe(401);
    expect(lost.message).toBe(ERROR_MESSAGES.unauthenticated);
    expect(isSessionLost(lost)).toBe(true);
  });

  it('is left alone while signed in (a real 条目不存在 stays one)', () => {
    const notFound = new HttpError('not found', 404);
    expect(asSignedOut(notFound, true)).toBe(notFound);
  });
});

describe('a refusal with several reasons', () => {
  it('root.serverError lists every reason, those without a field first', () => {
    const error = userErrorsToHttpError([
      {
        code: 'OUT_OF_PROVINCE',
        message: '亲属不在本省',
        field: ['input', 'beneficiaryId'],
        rule: 'R-KIN-2',
      },
      { code: 'FEATURE_NOT_OPEN', message: '未开通家庭共济', field: null, rule: 'R-KIN-3' },
    ] as never);
    const body = error.body as { errors: { beneficiaryId: string; root: { serverError: string } } };
    expect(body.errors.beneficiaryId).toBe('亲属不在本省 (R-KIN-2)');
    expect(body.errors.root.serverError).toBe('未开通家庭共济 (R-KIN-3); 亲属不在本省 (R-KIN-2)');
  });
});
