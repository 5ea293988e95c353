import { ApolloError } from '@apollo/client';
import { HttpError } from 'ra-core';
import {
  ERROR_MESSAGES,
  isNetworkFailure,
  isServiceUnavailable,
  isSessionLost,
  normalizeDataProviderError,
} from '../graphqlErrors';

/** What Apollo rejects with when fetch itself fails (API stopped): a networkError without an HTTP status. */
const fetchFailed = () =>
  new ApolloError({ networkError: Object.assign(new TypeError('Failed to fetch'), { name: 'TypeError' }) });

describe('a server that cannot be reached (API stopped, connection lost)', () => {
  it("ra-data-graphql's HttpError (message only, no status) becomes 无法连接服务器, never an English toast", () => {
    const normalized = normalizeDataProviderError(new HttpError('Failed to fetch', undefined as never));
    expect(normalized).toBeInstanceOf(HttpError);
    expect((normalized as HttpError).message).toBe(ERROR_MESSAGES.network);
    expect(isNetworkFailure(normalized)).toBe(true);
  });

  it('an Apollo error from a direct call (dialogs, look-ups) too, wrapped or not', () => {
    expect((normalizeDataProviderError(fetchFailed()) as HttpError).message).toBe(ERROR_MESSAGES.network);
    expect(
      (normalizeDataProviderError(new HttpError('Failed to fetch', 200, fetchFailed())) as HttpError).message,
    ).toBe(ERROR_MESSAGES.network);
  });

  it('its status is 0: the outcome of a money mutation is unknown (same key on retry), not a refusal', () => {
    expect((normalizeDataProviderError(fetchFailed()) as HttpError).status).toBe(0);
  });

  it('a server answer is not a network failure: 401, 403, a GraphQL error, a record that does not exist', () => {
    expect(isNetworkFailure(new HttpError('Unauthorized', 401))).toBe(false);
    expect(isNetworkFailure(new HttpError('ra.notification.item_doesnt_exist', 200))).toBe(false);
    const answered = new ApolloError({
      graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } } as never],
    });
    expect(isNetworkFailure(answered)).toBe(false);
  });

  it('a gateway 503 or SERVICE_UNAVAILABLE is 服务器暂时无法处理请求', () => {
    expect(isServiceUnavailable(new HttpError('Response not successful', 503))).toBe(true);
    expect((normalizeDataProviderError(new HttpError('x', 503)) as HttpError).message).toBe(
      ERROR_MESSAGES.unavailable,
    );
    const body = new ApolloError({
      graphQLErrors: [{ message: 'db down', extensions: { code: 'SERVICE_UNAVAILABLE' } } as never],
    });
    expect((normalizeDataProviderError(new HttpError('db down', 200, body)) as HttpError).message).toBe(
      ERROR_MESSAGES.unavailable,
    );
  });
});

describe('an expired session', () => {
  it("UNAUTHENTICATED is the console's 登录已过期 key, not the server's text about API keys", () => {
    const cause = new ApolloError({
      graphQLErrors: [
        {
          message: '身份验证失败，请重新登录或检查 API 密钥',
          extensions: { code: 'UNAUTHENTICATED' },
        } as never,
      ],
    });
    const normalized = normalizeDataProviderError(new HttpError(cause.message, 200, cause)) as HttpError;
    expect(normalized.status).toBe(401);
    expect(normalized.message).toBe(ERROR_MESSAGES.unauthenticated);
    expect(isSessionLost(normalized)).toBe(true);
  });

  it("react-admin's 'missing id' after it signed the clerk out counts as a lost session", () => {
    expect(isSessionLost(new Error('Invalid dataProvider response for create: missing id'))).toBe(true);
    expect(isSessionLost(new HttpError('gongji.errors.forbidden', 403))).toBe(false);
  });
});
