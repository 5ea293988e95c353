import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';
import type { PipelineAwareLogger } from './queries/pipeline';

/**
 * A TypeORM logger that counts SQL statements (tests prove there is no N+1: STYLE.md "a test counts the SQL
 * statements"). Transaction control statements are not counted.
 */
export class QueryCounter extends AbstractLogger implements PipelineAwareLogger {
  count = 0;
  /** Round trips to the database, transaction control included; pipelined statements share one (issue #7). */
  roundTrips = 0;
  readonly statements: string[] = [];

  override logQuery(query: string): void {
    this.roundTrips += 1;
    if (/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(query.trim())) return;
    this.count += 1;
    this.statements.push(query);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Only counting.
  }

  /** `statements` logged just before went to the server in one round trip (queries/pipeline.ts). */
  logPipelined(statements: number): void {
    this.roundTrips -= statements - 1;
  }

  reset(): void {
    this.count = 0;
    this.roundTrips = 0;
    this.statements.length = 0;
  }
}
