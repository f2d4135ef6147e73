import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { ErrorCode } from './errors';

// Résumés give a year, a month or a day; the value keeps exactly the precision it was given.
const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = partialDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  const dayNumber = Number(day);
  return dayNumber >= 1 && dayNumber <= daysInMonth;
}

function invalidPartialDate(got: string): GraphQLError {
  return new GraphQLError(`PartialDate must be a string YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; got ${got}`, {
    extensions: { code: ErrorCode.BadUserInput },
  });
}

function parsePartialDate(value: unknown): string {
  if (typeof value === 'string' && isPartialDate(value)) return value;
  throw invalidPartialDate(JSON.stringify(value) ?? String(value));
}

export const PartialDate = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A calendar date as precise as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.',
  specifiedByURL: 'https://www.iso.org/iso-8601-date-and-time-format.html',
  // A bad value on the way out is the server's fault, not the client's: a plain Error is logged
  // and masked like any internal error.
  serialize(value) {
    if (typeof value === 'string' && isPartialDate(value)) return value;
    throw new Error(`Stored value ${JSON.stringify(value)} is not a PartialDate`);
  },
  parseValue: parsePartialDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalidPartialDate(print(ast));
    return parsePartialDate(ast.value);
  },
});

/** The database's guard for a PartialDate column: the shape, months 01-12 and days 01-31. */
export function partialDateCheck(column: string): string {
  return `"${column}" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'`;
}
