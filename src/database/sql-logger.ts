import type { DataSource, Logger } from 'typeorm';
import { currentRequestScope } from '../common/request-scope';

// Counts SQL statements per request (for logs and metrics) and in total (for tests that compare
// what an operation costs). TypeORM hands every statement to the logger, whatever its settings.
export class SqlStatementLogger implements Logger {
  private totalStatements = 0;
  private closing = false;

  constructor(private readonly echo: boolean) {}

  /** From now on the pool's complaints are expected (the database is going away too). */
  markClosing(): void {
    this.closing = true;
  }

  get total(): number {
    return this.totalStatements;
  }

  logQuery(query: string, parameters?: unknown[]): void {
    this.totalStatements += 1;
    const scope = currentRequestScope();
    if (scope) scope.statements += 1;
    if (this.echo) console.log('[sql]', query, parameters?.length ? parameters : '');
  }

  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error('[sql error]', error instanceof Error ? error.message : error, query);
  }

  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow] ${time} ms:`, query);
  }

  // Migrations report through here. Only what changed the schema is worth a line; TypeORM also
  // narrates every check it makes.
  logSchemaBuild(message: string): void {
    if (/(executed|reverted) successfully/.test(message)) console.log('[migration]', message);
  }

  logMigration(message: string): void {
    console.error('[migration]', message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn' && !this.closing) console.warn('[typeorm]', message);
  }
}

/** The statement logger of a DataSource built from dataSourceOptions(). */
export function sqlLogger(db: DataSource): SqlStatementLogger {
  if (!(db.logger instanceof SqlStatementLogger)) throw new Error('DataSource was not built with dataSourceOptions()');
  return db.logger;
}
