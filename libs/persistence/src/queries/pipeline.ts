import { QueryFailedError } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import { statementName } from './prepared';

/** One statement of a pipeline: `name: null` for an unnamed statement (transaction control, cheap to parse). */
export interface PipelinedStatement {
  readonly text: string;
  readonly values?: readonly unknown[];
  /** Named prepared statement (parsed and planned once per connection); default: a name derived from the text. */
  readonly prepared?: boolean;
}

/** A TypeORM logger that also counts round trips (tests): told how many statements shared one round trip. */
export interface PipelineAwareLogger {
  logPipelined(statements: number): void;
}

// node-postgres internals this module drives (pg 8: Connection's message writers and Client's Submittable contract).
interface PgField {
  readonly name: string;
  readonly dataTypeID: number;
  readonly format: string;
}
interface PgResult {
  addFields(fields: PgField[]): void;
  parseRow(row: unknown[]): Record<string, unknown>;
}
interface PgConnection {
  readonly stream: { cork?: () => void; uncork?: () => void };
  readonly parsedStatements: Record<string, string>;
  readonly submittedNamedStatements: Record<string, string>;
  parse(q: { text: string; name: string; types?: unknown[] }): void;
  bind(q: {
    portal: string;
    statement: string;
    values: unknown[];
    valueMapper: (v: unknown) => unknown;
  }): void;
  describe(q: { type: 'P'; name: string }): void;
  execute(q: { portal: string }): void;
  sync(): void;
  sendCopyFail(message: string): void;
  on(event: 'parseComplete', listener: () => void): void;
  removeListener(event: 'parseComplete', listener: () => void): void;
}
interface PgClient {
  query(submittable: Pipeline): unknown;
}

const PgResultClass = require('pg/lib/result') as new (rowMode?: string) => PgResult;
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => unknown };

const identity = (v: unknown) => v;

/**
 * Several statements in ONE round trip (issue #7): node-postgres waits for each query's ReadyForQuery before sending
 * the next, so a transaction of BEGIN, lock, facts, write and COMMIT costs five round trips — five socket writes and
 * five wake-ups on each side, which dominated the money path's profile. The extended protocol lets a client send
 * Bind/Execute for several statements followed by ONE Sync; the server runs them in order, each with its own
 * snapshot (READ COMMITTED), and stops at the first error (the rest are skipped up to the Sync). This is the
 * protocol's pipelining (libpq's pipeline mode), driven through node-postgres's documented `Submittable` contract.
 *
 * Semantics are those of sending the statements one after the other, except that a later statement cannot depend on
 * an earlier one's result in JavaScript — so only statements whose text and values are known up front are pipelined.
 * A failure rejects with TypeORM's `QueryFailedError` of the failing statement (retries and outage mapping as for any
 * query); a transaction it was in is then aborted (the caller rolls back).
 */
export async function pipelined(
  runner: QueryRunner,
  statements: readonly PipelinedStatement[],
): Promise<Record<string, unknown>[][]> {
  const client = (await runner.connect()) as PgClient;
  const logger = runner.connection.logger;
  for (const s of statements) logger.logQuery(s.text, s.values ? [...s.values] : undefined, runner);
  if (statements.length > 1) (logger as Partial<PipelineAwareLogger>).logPipelined?.(statements.length);
  const pipeline = new Pipeline(statements);
  client.query(pipeline);
  try {
    return await pipeline.done;
  } catch (err) {
    const failed = statements[Math.min(pipeline.current, statements.length - 1)];
    const values = failed.values ? [...failed.values] : [];
    logger.logQueryError(err as Error, failed.text, values, runner);
    throw err instanceof QueryFailedError ? err : new QueryFailedError(failed.text, values, err as Error);
  }
}

/** The node-postgres Submittable: writes every message corked (one socket write), collects each statement's rows. */
class Pipeline {
  readonly done: Promise<Record<string, unknown>[][]>;
  /** Index of the statement whose results are arriving. */
  current = 0;
  private resolve!: (rows: Record<string, unknown>[][]) => void;
  private reject!: (err: unknown) => void;
  private readonly results: Record<string, unknown>[][] = [];
  private result: PgResult | null = null;
  private rows: Record<string, unknown>[] = [];
  /** Named statements sent with a Parse in this pipeline, in order, not yet confirmed by a ParseComplete. */
  private readonly parsing: { name: string; text: string }[] = [];
  private connection: PgConnection | null = null;
  private readonly onParseComplete = () => {
    const parsed = this.parsing.shift();
    if (parsed && this.connection) {
      this.connection.parsedStatements[parsed.name] = parsed.text;
      delete this.connection.submittedNamedStatements[parsed.name];
    }
  };

  constructor(private readonly statements: readonly PipelinedStatement[]) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: PgConnection): Error | null {
    let values: unknown[][];
    try {
      values = this.statements.map((s) => (s.values ?? []).map((v) => prepareValue(v)));
    } catch (err) {
      return err as Error; // nothing sent; the client reports it through handleError
    }
    this.connection = connection;
    connection.on('parseComplete', this.onParseComplete);
    connection.stream.cork?.();
    try {
      this.statements.forEach((s, i) => {
        const name = s.prepared === false ? '' : statementName(s.text);
        const known =
          name && (connection.parsedStatements[name] ?? connection.submittedNamedStatements[name]);
        if (!known) {
          connection.parse({ text: s.text, name });
          if (name) {
            connection.submittedNamedStatements[name] = s.text;
            this.parsing.push({ name, text: s.text });
          } else this.parsing.push({ name: '', text: s.text });
        }
        connection.bind({ portal: '', statement: name, values: values[i], valueMapper: identity });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '' });
      });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: PgField[] }): void {
    this.result = new PgResultClass();
    this.result.addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    if (this.result) this.rows.push(this.result.parseRow(msg.fields));
  }

  handleCommandComplete(): void {
    this.next();
  }

  handleEmptyQuery(): void {
    this.next();
  }

  handlePortalSuspended(): void {
    // Never asked for (no row limit on Execute).
  }

  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('COPY is not supported in a pipeline');
  }

  handleCopyData(): void {
    // Not used.
  }

  handleError(err: unknown): void {
    this.finish();
    // The statements after the failing one were skipped by the server: their Parse never happened.
    if (this.connection) {
      for (const p of this.parsing) if (p.name) delete this.connection.submittedNamedStatements[p.name];
    }
    this.reject(err);
  }

  handleReadyForQuery(): void {
    this.finish();
    this.resolve(this.results);
  }

  private next(): void {
    this.results.push(this.rows);
    this.rows = [];
    this.result = null;
    this.current += 1;
  }

  private finish(): void {
    this.connection?.removeListener('parseComplete', this.onParseComplete);
  }
}
