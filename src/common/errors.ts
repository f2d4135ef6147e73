import { GraphQLError } from 'graphql';

// The machine-readable codes clients may branch on. One list, so a code is never spelt two ways.
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Invalid arguments: names the offending argument so a UI can point at it. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, {
    extensions: { code: ErrorCode.BadUserInput, argument },
  });
}

export function notFound(typeName: string, key: string): GraphQLError {
  return new GraphQLError(`${typeName} ${key} was not found`, {
    extensions: { code: ErrorCode.NotFound },
  });
}
