// Driver errors that mean "the database is not there right now", not "this query is wrong":
// connection refused/reset/timed out, connection exceptions (08xxx), shutdowns (57P01-57P03), too
// many connections (53300).
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** An error and its wrappers' causes, down to the driver's error: `code` and `message` of each. */
function* causes(error: unknown): Generator<{ code: unknown; message: unknown }> {
  // Walks TypeORM's driverError, Error.cause and graphql-js's thrownValue (for values that are
  // not Errors of this realm).
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    yield { code: Reflect.get(cause, 'code'), message: Reflect.get(cause, 'message') };
    cause = Reflect.get(cause, 'driverError') ?? Reflect.get(cause, 'cause') ?? Reflect.get(cause, 'thrownValue');
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message } of causes(error)) {
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
      return true;
    }
  }
  return false;
}

/**
 * A statement that PostgreSQL cancelled because it ran past statement_timeout (57014
 * query_canceled, with its statement-timeout message): the question was too expensive, not the
 * service broken. A cancel for any other reason (an operator's pg_cancel_backend) stays internal.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (const { code, message } of causes(error)) {
    if (code === '57014' && typeof message === 'string' && /statement timeout/i.test(message)) return true;
  }
  return false;
}
