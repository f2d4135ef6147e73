import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

/**
 * What a client may see of an error. Errors with a code of their own (bad input, not found, ...)
 * pass through. An internal error (a driver error, a bug) may quote SQL or table names: outside
 * development its message becomes a generic one; the server logs the original.
 */
export function createFormatError(exposeInternals: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    if (exposeInternals || formatted.extensions?.code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
      return formatted;
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
