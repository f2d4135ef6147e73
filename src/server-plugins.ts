import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { GraphQLError } from 'graphql';
import Negotiator from 'negotiator';
import type { Logger } from './common/logger';
import { currentRequestScope } from './common/request-scope';
import type { Context } from './context';

/**
 * What Apollo's default cache-control plugin sends for this schema, without its cost. That plugin
 * wraps every field's resolver to collect cache hints (a hook call and a policy object per field,
 * per request); this schema declares none, so every response comes out uncacheable and the
 * plugin's only effect is `cache-control: no-store`. Install it together with
 * ApolloServerPluginCacheControlDisabled, which keeps Apollo from adding its own.
 */
export function noStorePlugin(): ApolloServerPlugin<Context> {
  // Apollo's plugin leaves a header it cannot parse alone and replaces one it can.
  const replaceable = /^(no-store|max-age=\d+, (public|private))$/;
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const existing = response.http.headers.get('cache-control');
          if (existing === undefined || replaceable.test(existing)) response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

// Apollo's preference when a client accepts both (legacy clients first); see its
// chooseContentTypeForSingleResultResponse, which it does not export.
const responseMediaTypes = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/**
 * GraphQL over HTTP: a client that reads the legacy `application/json` cannot tell a GraphQL error
 * body from a proxy's error page by status, so for it every well-formed request SHOULD get 200,
 * errors in the body (parse, validation, variables, query limits, unacceptable text). Clients of
 * `application/graphql-response+json` keep the 400s that type defines, and a request that is not
 * a GraphQL request at all (no query, a query that is not a string: BAD_REQUEST) stays a 400.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.code === ApolloServerErrorCode.BAD_REQUEST)) return;
          const accept = request.http?.headers.get('accept');
          const mediaType = accept ? new Negotiator({ headers: { accept } }).mediaType(responseMediaTypes) : responseMediaTypes[0];
          if (mediaType?.startsWith('application/json')) response.http.status = 200;
        },
      };
    },
  };
}

/** Sandbox explores the schema through introspection, so it comes and goes with it. */
export function landingPagePlugin(introspection: boolean): ApolloServerPlugin<Context> {
  return introspection
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
    : ApolloServerPluginLandingPageProductionDefault({ footer: false });
}

/**
 * Tells the request's scope what it ran and how it ended (for the log line and metrics), and logs
 * internal errors in full: clients see them masked, with the request id that this line carries.
 */
export function requestObserverPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequestScope();
      if (scope) scope.operationName = request.operationName ?? null;
      return {
        async didResolveOperation({ operationName }) {
          if (scope && operationName) scope.operationName = operationName;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const cause = error.originalError;
            if (cause && !(cause instanceof GraphQLError)) {
              logger.error({ requestId: scope?.requestId, traceId: scope?.traceId, err: cause, path: error.path }, 'resolver failed');
            }
          }
        },
        async willSendResponse({ response }) {
          if (!scope || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            // eslint-disable-next-line @typescript-eslint/no-base-to-string -- codes are strings; String() shows any other value as it is
            scope.errorCodes.push(String(error.extensions?.code ?? 'UNKNOWN'));
          }
        },
      };
    },
  };
}
