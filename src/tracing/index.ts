import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../common/logger';
import type { Context } from '../context';
import type * as Sdk from './sdk';

// Distributed traces (OpenTelemetry), off unless an OTLP endpoint is configured. This file loads
// no OpenTelemetry code: the SDK, its instrumentations and everything that calls the OpenTelemetry
// API live in ./sdk and the files it imports, required only once tracing is on. With no endpoint
// the service runs exactly the code it ran before tracing existed.

/** What the HTTP server needs from tracing, per request. */
export interface RequestTracing {
  /** Puts the GraphQL operation on the request's root (HTTP server) span. */
  readonly plugin: ApolloServerPlugin<Context>;
  /** The trace the running code belongs to, for the request's log line. */
  traceId(): string | undefined;
  /** Tells the request's root span its route, for requests that express (whose instrumentation does it) does not route. */
  nameRoute(route: string): void;
}

export interface Tracing {
  readonly requests: RequestTracing;
  /** For the start-up log: where spans go and as which service. */
  readonly summary: string;
  /** Sends the SDK's warnings and errors (a collector that refuses spans) to the service's log. */
  reportProblemsTo(logger: Logger): void;
  /**
   * Exports the spans still buffered and stops. A collector that does not answer holds it up to
   * the exporter's timeout (OTEL_EXPORTER_OTLP_TIMEOUT, 10 s): its pending request would keep the
   * process alive that long anyway.
   */
  shutdown(): Promise<void>;
}

export interface TracingSettings {
  /** The configured endpoint without credentials, for the log. */
  endpoint: string;
  serviceName: string;
}

const defaultServiceName = 'profilegraph';

/** service.name from OTEL_RESOURCE_ATTRIBUTES (`key=value,...`, values percent-encoded), if given. */
function serviceNameAttribute(attributes: string | undefined): string | undefined {
  for (const pair of attributes?.split(',') ?? []) {
    const [key, ...value] = pair.split('=');
    if (key?.trim() !== 'service.name') continue;
    try {
      return decodeURIComponent(value.join('=').trim()) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Tracing's settings, or undefined when it is off. The exporter and the SDK read the other OTEL_*
 * variables themselves, as the OpenTelemetry specification describes them.
 */
export function tracingSettings(env: NodeJS.ProcessEnv): TracingSettings | undefined {
  // An empty variable means "not set", as for every other setting.
  const variable = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const endpoint = env[variable];
  if (!endpoint || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`${variable}: must be an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${variable}: must be an http(s) URL`);
  url.username = '';
  url.password = '';
  return {
    endpoint: url.href,
    // The specification's order: OTEL_SERVICE_NAME, then service.name in OTEL_RESOURCE_ATTRIBUTES.
    serviceName: env.OTEL_SERVICE_NAME || serviceNameAttribute(env.OTEL_RESOURCE_ATTRIBUTES) || defaultServiceName,
  };
}

/**
 * Starts the OpenTelemetry SDK when an OTLP endpoint is configured. It has to run before express,
 * pg and graphql are first required: the instrumentations patch them as they load. A bad setting
 * stops the process, as config.ts does for the others.
 */
export function startTracing(env: NodeJS.ProcessEnv): Tracing | undefined {
  let settings: TracingSettings | undefined;
  try {
    settings = tracingSettings(env);
  } catch (error) {
    console.error(`Invalid configuration:\n  ${(error as Error).message}`);
    process.exit(1);
  }
  if (!settings) return undefined;
  // A require, not an import: an import would load the SDK whether tracing is on or not.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous and lazy, as said above
  const { startSdk } = require('./sdk') as typeof Sdk;
  return startSdk(settings);
}
