import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import { tokenLimitError } from './query-limits';
import { currentRequestScope } from './request-scope';
import { isDatabaseUnavailable } from '../database/database-errors';

/** The formatted error with another error's message and extensions (less the HTTP hints). */
function withCode(formatted: GraphQLFormattedError, error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = { ...formatted.extensions, ...error.extensions };
  return { ...formatted, message: error.message, extensions };
}

/**
 * What a client may see of an error, in one place:
 * - an error this service raised on purpose keeps its code (Apollo relabels those raised during
 *   validation as GRAPHQL_VALIDATION_FAILED; the query-limit codes are restored here);
 * - a database outage becomes SERVICE_UNAVAILABLE, so clients know to retry;
 * - anything else is internal: outside development its message, which may quote SQL or table
 *   names, becomes a generic one carrying the request id that the server's log line also has.
 */
export function createFormatError(options: { exposeInternals: boolean; maxTokens: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;

    const original = error instanceof GraphQLError ? error.originalError : undefined;
    if (original instanceof GraphQLError && typeof original.extensions.code === 'string' && code !== original.extensions.code) {
      return withCode(formatted, original);
    }
    if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED) {
      const tooLong = tokenLimitError(formatted.message, options.maxTokens);
      return tooLong ? withCode(formatted, tooLong) : formatted;
    }
    if (code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return formatted;

    if (isDatabaseUnavailable(unwrapResolverError(error))) {
      return {
        message: 'The database is unavailable right now; try again shortly',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.ServiceUnavailable },
      };
    }
    if (options.exposeInternals) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR, requestId: currentRequestScope()?.requestId },
    };
  };
}
