import type { ClientRequest, IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { context, isSpanContextValid, trace, type Span } from '@opentelemetry/api';
import { getRPCMetadata, RPCType, type RPCMetadata } from '@opentelemetry/core';
import type { Context } from '../context';

// The request's root span is the http instrumentation's; the express instrumentation tells it the
// route (`POST /graphql`). This adds what a trace viewer needs to tell GraphQL requests apart: the
// operation, as the attribute graphql.operation.name and in the span's name.

interface Operations {
  names: string[];
  rpc: RPCMetadata;
}

const operationsOf = new WeakMap<Span, Operations>();

export function operationSpanPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          const rpc = getRPCMetadata(context.active());
          if (!rpc) return;
          if (operation) rpc.span.setAttribute('graphql.operation.type', operation.operation);
          if (!operationName) return;
          // A batched request runs several operations under one HTTP span.
          const operations = operationsOf.get(rpc.span) ?? { names: [], rpc };
          operations.names.push(operationName);
          operationsOf.set(rpc.span, operations);
          rpc.span.setAttribute('graphql.operation.name', operations.names.join(', '));
        },
      };
    },
  };
}

/**
 * The http instrumentation's last hook before it ends a span. It renames its server span after the
 * route when the response ends, over any name given earlier, so the operation goes in here.
 */
export function nameAfterOperation(span: Span, request: IncomingMessage | ClientRequest): void {
  const operations = operationsOf.get(span);
  if (!operations) return;
  span.updateName([request.method, operations.rpc.route, operations.names.join(', ')].filter(Boolean).join(' '));
}

/** What the express instrumentation does for the routes express serves: the route goes on the request's root span. */
export function nameRoute(route: string): void {
  const rpc = getRPCMetadata(context.active());
  if (rpc?.type === RPCType.HTTP) rpc.route = route;
}

/** The id of the trace the running code belongs to (the client's, when it sent a traceparent). */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}
