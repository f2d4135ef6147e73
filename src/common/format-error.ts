import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError, getMetadataStorage } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { ErrorCode, invalidInput, type InputProblem } from './errors';
import { tokenLimitError } from './query-limits';
import { currentRequestScope } from './request-scope';
import { isDatabaseUnavailable, isStatementTimeout } from '../database/database-errors';

let argsTypeClasses: Set<object> | undefined;
function argsTypes(): Set<object> {
  argsTypeClasses ??= new Set(getMetadataStorage().argumentTypes.map((type) => type.target));
  return argsTypeClasses;
}

/**
 * class-validator's report, as paths and messages. Its raw form carries the whole input (e-mail
 * addresses included) as `target` and `value`: that never reaches a client.
 */
function validationProblems(error: ArgumentValidationError): InputProblem[] {
  const problems: InputProblem[] = [];
  const walk = (errors: readonly ValidationError[], path: (string | number)[]) => {
    for (const item of errors) {
      const here = [...path, /^\d+$/.test(item.property) ? Number(item.property) : item.property];
      for (const message of Object.values(item.constraints ?? {})) {
        problems.push({ path: here, message: message.replace(new RegExp(`^${item.property} `), '') });
      }
      walk(item.children ?? [], here);
    }
  };
  const [first] = error.extensions.validationErrors;
  // An @Args class holds the arguments themselves (`filter.search`); an input type is the `input` argument.
  const isArgs = argsTypes().has(first?.target?.constructor as object);
  walk(error.extensions.validationErrors, isArgs ? [] : ['input']);
  return problems;
}

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
 * - a statement cancelled by statement_timeout becomes QUERY_TIMEOUT on the field that ran it,
 *   so clients know to narrow the question rather than retry it;
 * - anything else is internal: outside development its message, which may quote SQL or table
 *   names, becomes a generic one carrying the request id that the server's log line also has.
 */
export function createFormatError(options: { exposeInternals: boolean; maxTokens: number }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;

    const thrown = unwrapResolverError(error);
    if (thrown instanceof ArgumentValidationError) {
      const { message, extensions } = invalidInput(validationProblems(thrown));
      return { message, locations: formatted.locations, path: formatted.path, extensions };
    }

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
    if (isStatementTimeout(unwrapResolverError(error))) {
      return {
        message: 'The query took too long and was stopped; narrow it (fewer or more specific filters) and try again',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.QueryTimeout },
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
