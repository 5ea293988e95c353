import { HttpError } from 'ra-core';
import { ERROR_MESSAGES } from '../../data/graphqlErrors';
import { loadErrorMessage, refetchWhileUnreachable, RETRY_UNREACHABLE_MS } from '../loadErrors';

const queryWith = (error: unknown) => ({ state: { error } }) as never;

describe('a page whose read failed', () => {
  it('says 无法连接服务器 for an unreachable server, never "not found"', () => {
    expect(loadErrorMessage(new HttpError(ERROR_MESSAGES.network, 0))).toBe(ERROR_MESSAGES.network);
    expect(loadErrorMessage(new HttpError('Failed to fetch', undefined as never))).toBe(
      ERROR_MESSAGES.network,
    );
    expect(loadErrorMessage(new HttpError('x', 503))).toBe(ERROR_MESSAGES.unavailable);
  });

  it('asks again every few seconds while the server is unreachable, and never otherwise', () => {
    expect(refetchWhileUnreachable(queryWith(new HttpError(ERROR_MESSAGES.network, 0)))).toBe(
      RETRY_UNREACHABLE_MS,
    );
    expect(refetchWhileUnreachable(queryWith(null))).toBe(false);
    expect(refetchWhileUnreachable(queryWith(new HttpError('gongji.errors.forbidden', 403)))).toBe(false);
  });
});
