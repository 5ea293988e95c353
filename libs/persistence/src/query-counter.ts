import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';

/**
 * A TypeORM logger that counts SQL statements (tests prove there is no N+1: STYLE.md "a test counts the SQL
 * statements"). Transaction control statements are not counted.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];

  override logQuery(query: string): void {
    if (/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(query.trim())) return;
    this.count += 1;
    this.statements.push(query);
  }

  protected writeLog(_level: LogLevel, _message: LogMessage | LogMessage[]): void {
    // Only counting.
  }

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
