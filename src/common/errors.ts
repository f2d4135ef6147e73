import { GraphQLError } from 'graphql';

// The machine-readable codes clients may branch on. One list, so a code is never spelt two ways.
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  QueryTimeout: 'QUERY_TIMEOUT',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An invalid argument of a query field (`first`, `after`, `ids`), reported like invalid input. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return invalidInput([{ path: [argument], message }]);
}

export function notFound(typeName: string, key: string): GraphQLError {
  return new GraphQLError(`${typeName} ${key} was not found`, {
    extensions: { code: ErrorCode.NotFound },
  });
}

/** A problem with one field of an input, as clients receive it: where and what. */
export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Bad input, possibly in several fields at once; nothing has been written. `http` is for errors
 * raised before execution, which Apollo would otherwise answer with a 500.
 */
export function invalidInput(problems: InputProblem[], http?: { status: number }): GraphQLError {
  const [first] = problems;
  const where = first ? `${first.path.join('.')}: ${first.message}` : 'invalid input';
  return new GraphQLError(problems.length > 1 ? `${where} (and ${problems.length - 1} more)` : where, {
    extensions: { code: ErrorCode.BadUserInput, field: first?.path, problems, ...(http && { http }) },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Forbidden } });
}

export function unauthenticated(message = 'Sign in first: this needs a bearer token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Unauthenticated } });
}

export function conflict(message: string, field?: (string | number)[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.Conflict, field } });
}
