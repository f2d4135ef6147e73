import { format } from 'node:util';
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Logger } from '../common/logger';
import type { Tracing, TracingSettings } from '.';
import { activeTraceId, nameAfterOperation, nameRoute, operationSpanPlugin } from './request-spans';

// Probes and scrapes arrive every few seconds and would bury the requests worth a trace.
const untracedPaths = new Set(['/healthz', '/readyz', '/metrics']);

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0] ?? '';
}

function diagnosticsTo(logger: Logger): DiagLogger {
  const log = logger.child({ component: 'opentelemetry' });
  const ignore = () => {};
  return {
    error: (message, ...args) => log.error(format(message, ...args)),
    warn: (message, ...args) => log.warn(format(message, ...args)),
    info: ignore,
    debug: ignore,
    verbose: ignore,
  };
}

export function startSdk(settings: TracingSettings): Tracing {
  const sdk = new NodeSDK({
    serviceName: settings.serviceName,
    // OTLP/HTTP with JSON bodies; the exporter reads OTEL_EXPORTER_OTLP_* (headers, timeout) itself.
    traceExporter: new OTLPTraceExporter(),
    // Traces only. Left to itself the SDK would also push metrics and logs over OTLP; the service's
    // metrics are on /metrics and its logs on stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => untracedPaths.has(pathOf(request.url)),
        // GET /graphql carries the query and its variables in the URL: as in the logs, never kept.
        redactedQueryParamsServer: ['query', 'variables', 'extensions'],
        applyCustomAttributesOnSpan: nameAfterOperation,
      }),
      // For the route on the root span; the service's middlewares (mostly anonymous) add nothing.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // parse, validate and execute; no span per field: resolvers go through DataLoaders, so a
      // statement would hang under whichever field happened to start its batch. Queries a client
      // repeats run compiled (graphql-jit), without graphql spans: SQL spans hang off the root.
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
      // Statement text only, never its parameters (enhancedDatabaseReporting stays off). Statements
      // outside a request (migrations and the seed at start-up) make no traces of their own.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();

  return {
    summary: `Exporting traces to ${settings.endpoint} (OTLP/HTTP) as service ${settings.serviceName}`,
    requests: { plugin: operationSpanPlugin(), traceId: activeTraceId, nameRoute },
    reportProblemsTo(logger) {
      // With OTEL_LOG_LEVEL the SDK already writes its own diagnostics to the console.
      if (process.env.OTEL_LOG_LEVEL) return;
      diag.setLogger(diagnosticsTo(logger), { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
    },
    shutdown: () => sdk.shutdown(),
  };
}
