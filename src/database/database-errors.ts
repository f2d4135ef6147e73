// Driver errors that mean "the database is not there right now", not "this query is wrong":
// connection refused/reset/timed out, connection exceptions (08xxx), shutdowns (57P01-57P03), too
// many connections (53300).
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

// Walks the wrappers (TypeORM's driverError, Error.cause, graphql-js's thrownValue for values that
// are not Errors of this realm) down to the driver's error.
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    const code: unknown = Reflect.get(cause, 'code');
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    const message: unknown = Reflect.get(cause, 'message');
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
      return true;
    }
    cause = Reflect.get(cause, 'driverError') ?? Reflect.get(cause, 'cause') ?? Reflect.get(cause, 'thrownValue');
  }
  return false;
}
