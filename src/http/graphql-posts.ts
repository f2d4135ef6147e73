import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { ErrorCode } from '../common/errors';
import { runInRequestScope, type RequestScope } from '../common/request-scope';
import type { Context } from '../context';
import { isPlainJsonBody, readJsonBody } from './json-body';
import { sendBodyProblem, sendErrors } from './json-errors';
import { observeRequest, type RequestObserver } from './request-observation';

// GraphQL POSTs with a plain JSON body go from node's HTTP server straight to Apollo Server
// (executeHTTPGraphQLRequest, the API Apollo's own integrations are built on), not through
// express. Measured on this 2-core machine (interleaved rounds, CPU of the server process per
// request): `{ __typename }` 0.37 → 0.17 ms, the profile page 1.0–2.5 → 0.7–1.3 ms. Everything
// else (the landing page, GET queries, compressed or non-UTF-8 bodies, the web UI, the other
// routes) is express's, as before, and answers the same.

export interface GraphqlPostOptions extends RequestObserver {
  maxBodyBytes: number;
  maxBatchOperations: number;
  /** The request's context: who asks (its token), and its loaders. */
  context(req: IncomingMessage, scope: RequestScope): Promise<Context>;
}

export function batchLimitMessage(maxBatchOperations: number): string {
  return maxBatchOperations === 0
    ? 'Batched requests are not accepted; send one operation per request'
    : `At most ${maxBatchOperations} operations per batched request`;
}

function splitUrl(url = ''): { path: string; search: string } {
  const query = url.indexOf('?');
  return query === -1 ? { path: url, search: '' } : { path: url.slice(0, query), search: url.slice(query) };
}

/** As Apollo's express integration turns a request into Apollo's terms. */
function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  apollo: ApolloServer<Context>,
  body: unknown,
  options: GraphqlPostOptions,
  scope: RequestScope,
) {
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: headerMap(req), search: splitUrl(req.url).search, body },
    context: () => options.context(req, scope),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // The headers as express's res.send wrote them (its casing and order): answers stay byte for
    // byte what they were.
    const type = res.getHeader('content-type');
    if (type !== undefined) res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * A request listener that serves the endpoints' plain-JSON POSTs itself and hands everything
 * else to `fallback` (the express app). `endpoints` maps a path to its Apollo Server, filled in
 * once each has started.
 */
export function graphqlPostsFirst(
  endpoints: ReadonlyMap<string, ApolloServer<Context>>,
  options: GraphqlPostOptions,
  fallback: RequestListener,
): RequestListener {
  return (req, res) => {
    const path = req.method === 'POST' ? splitUrl(req.url).path : '';
    const apollo = endpoints.get(path);
    if (!apollo || !isPlainJsonBody(req)) return fallback(req, res);
    const scope = observeRequest(req, res, options);
    // Without express in front, the trace's root span learns the route here.
    options.tracing?.nameRoute(path);
    readJsonBody(req, options.maxBodyBytes)
      .then((body) => {
        if (!body.ok) return sendBodyProblem(res, body.problem);
        if (Array.isArray(body.value) && body.value.length > options.maxBatchOperations) {
          return sendErrors(res, 400, 'BATCH_LIMIT_EXCEEDED', batchLimitMessage(options.maxBatchOperations));
        }
        // Everything from here on (resolvers, loaders, SQL) counts against this request.
        return runInRequestScope(scope, () => answer(req, res, apollo, body.value, options, scope));
      })
      .catch((error: unknown) => {
        options.logger.error({ err: error }, 'request failed');
        if (!res.headersSent) sendErrors(res, 500, ErrorCode.InternalServerError, 'Internal server error');
        else res.destroy();
      });
  };
}
