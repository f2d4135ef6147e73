import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../common/logger';
import type { Metrics } from '../common/metrics';
import { newRequestScope, type RequestScope } from '../common/request-scope';
import type { RequestTracing } from '../tracing';

// Every GraphQL request, whichever way it is read: its scope (request id, trace, client address)
// and, once answered, its log line and metrics.

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;
const scopes = new WeakMap<ServerResponse, RequestScope>();

/** The scope of the GraphQL request this response answers, once observeRequest has begun it. */
export function scopeOf(res: ServerResponse): RequestScope | undefined {
  return scopes.get(res);
}

export interface RequestObserver {
  metrics: Metrics;
  logger: Logger;
  tracing?: RequestTracing;
}

export function observeRequest(req: IncomingMessage, res: ServerResponse, { metrics, logger, tracing }: RequestObserver): RequestScope {
  const given = req.headers['x-request-id'];
  const scope = newRequestScope(typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID());
  scope.traceId = tracing?.traceId();
  scope.clientAddress = req.socket.remoteAddress;
  scopes.set(res, scope);
  res.setHeader('x-request-id', scope.requestId);
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observeRequest({ ...scope, seconds });
    for (const batch of scope.batches) metrics.observeBatch(batch.loader, batch.keys);
    logger.info(
      {
        requestId: scope.requestId,
        traceId: scope.traceId,
        operation: scope.operationName,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1e4) / 10,
        sqlStatements: scope.statements,
        errorCodes: scope.errorCodes.length ? scope.errorCodes : undefined,
      },
      'graphql request',
    );
  });
  return scope;
}
