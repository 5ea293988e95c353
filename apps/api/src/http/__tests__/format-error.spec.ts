import 'reflect-metadata';
import { Writable } from 'node:stream';
import type { GraphQLFormattedError } from 'graphql';
import pino from 'pino';
import { formatError } from '../errors';
import { requestScope } from '../request-scope';

/** A real pino logger whose JSON lines are kept. */
function capturingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('internal faults are logged with the request id the client was given', () => {
  it('the error line names the request (extensions.requestId ↔ log), the answer shows no stack or text of the fault', async () => {
    const { logger, lines } = capturingLogger();
    const formatted: GraphQLFormattedError = { message: 'secret detail of the fault', path: ['person'] };
    const answer = requestScope.run('req-4711', () =>
      formatError(logger)(formatted, new Error('secret detail of the fault')),
    );
    await flush();
    expect(answer).toEqual({
      message: expect.not.stringContaining('secret'),
      path: ['person'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        requestId: 'req-4711',
        path: ['person'],
        msg: expect.any(String),
      }),
    ]);
  });

  it('a database outage is logged at warn with the request id too', async () => {
    const { logger, lines } = capturingLogger();
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const answer = requestScope.run('req-4712', () =>
      formatError(logger)({ message: 'x', path: ['a'] }, outage),
    );
    await flush();
    expect(answer.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
    expect(lines).toEqual([expect.objectContaining({ level: 40, requestId: 'req-4712' })]);
  });
});
