import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { tracingSettings } from '../src/tracing';
import { attribute, startOtlpReceiver, type OtlpReceiver, type OtlpSpan } from './support/otlp-receiver';
import { exitOf, freePort, killLeftoverServices, spawnService, startService, type ReadyService } from './support/service-process';
import { databaseUrl, maintenanceUrl, templateDatabase } from './support/test-postgres';

// The built service as `npm start` runs it, exporting to a real OTLP/HTTP receiver started here;
// and the same service with no endpoint, where no OpenTelemetry code may be loaded at all.

const database = `profilegraph_tracing_${process.pid}`;
const probe = resolve(__dirname, 'support/require-probe.cjs');
let probeDir: string;
let receiver: OtlpReceiver;

async function withAdmin(work: (admin: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: maintenanceUrl() });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateDatabase}`));
  probeDir = await mkdtemp(join(tmpdir(), 'profilegraph-tracing-'));
  receiver = await startOtlpReceiver();
});

afterAll(async () => {
  killLeftoverServices();
  await receiver?.close();
  await rm(probeDir, { recursive: true, force: true });
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
});

interface RequireProbe {
  requires: { request: string; from: string }[];
  cached: string[];
}

/** Starts the service with `env`, no OTEL_* variable but those given, and the require probe. */
async function startProbedService(
  name: string,
  env: Record<string, string>,
): Promise<{ service: ReadyService; probed: () => Promise<RequireProbe> }> {
  const unsetOtel = Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => key.startsWith('OTEL_'))
      .map((key) => [key, undefined]),
  );
  const out = join(probeDir, `${name}.json`);
  const service = await startService({
    ...unsetOtel,
    NODE_ENV: 'production',
    PORT: String(await freePort()),
    DATABASE_URL: databaseUrl(database),
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim(),
    REQUIRE_PROBE_OUT: out,
    ...env,
  });
  return { service, probed: async () => JSON.parse(await readFile(out, 'utf8')) as RequireProbe };
}

async function stop(service: ReadyService): Promise<void> {
  service.signal('SIGTERM');
  expect(await exitOf(service)).toBe(0);
}

/** A W3C traceparent from a client whose own span is `parentId`, sampled. */
function clientTrace() {
  const traceId = randomBytes(16).toString('hex');
  const parentId = randomBytes(8).toString('hex');
  return { traceId, parentId, traceparent: `00-${traceId}-${parentId}-01` };
}

const handle = 'petercai';
const profilePage = 'query ProfilePage($handle: String!) { person(handle: $handle) { name roles { company } skills { name } } }';

async function profilePageOver(method: 'POST' | 'GET', url: string, traceparent: string): Promise<unknown> {
  const variables = JSON.stringify({ handle });
  const response =
    method === 'POST'
      ? await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', traceparent },
          body: JSON.stringify({ query: profilePage, operationName: 'ProfilePage', variables: { handle } }),
        })
      : await fetch(`${url}?${new URLSearchParams({ query: profilePage, operationName: 'ProfilePage', variables })}`, {
          // Apollo's CSRF prevention lets a GET through with this header.
          headers: { traceparent, 'apollo-require-preflight': 'true' },
        });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { person: { name: string } } }).data.person.name;
}

function logLines(service: ReadyService): Record<string, unknown>[] {
  return service
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('with OTEL_EXPORTER_OTLP_ENDPOINT: a trace per request, continuing the client’s, with the operation and SQL without parameters', async () => {
  const { service, probed } = await startProbedService('traced', {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    // Nothing is exported on a schedule during the test: every span must come from the flush at shutdown.
    OTEL_BSP_SCHEDULE_DELAY: '600000',
  });
  expect(service.output()).toContain(`Exporting traces to ${receiver.endpoint}/ (OTLP/HTTP) as service profilegraph`);

  // Through graphql-js, then compiled (a query sent again), then as a GET with variables in the URL.
  const requests = [
    { method: 'POST', ...clientTrace() },
    { method: 'POST', ...clientTrace() },
    { method: 'GET', ...clientTrace() },
  ] as const;
  for (const request of requests) {
    expect(await profilePageOver(request.method, service.url, request.traceparent)).toBe('Peter Cai');
  }
  const exportsBeforeStop = receiver.bodies.length;
  await stop(service);
  expect(receiver.bodies.length).toBeGreaterThan(exportsBeforeStop);

  const spans = receiver.spans();
  const logs = logLines(service);
  for (const { method, traceId, parentId } of requests) {
    const trace = spans.filter((span) => span.traceId === traceId);
    // The client's trace goes on: the service's root span is a child of the client's span.
    const root = trace.find((span) => span.parentSpanId === parentId) as OtlpSpan;
    expect(root).toBeDefined();
    expect(root.kind).toBe(2);
    expect(root.name).toBe(`${method} /graphql ProfilePage`);
    expect(attribute(root.attributes, 'graphql.operation.name')).toBe('ProfilePage');
    expect(attribute(root.attributes, 'graphql.operation.type')).toBe('query');

    const statements = trace.filter((span) => span.name.startsWith('pg.query'));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(attribute(statement.attributes, 'db.query.text')).toMatch(/^\s*SELECT\b/i);
    // The read path's named prepared statements (database/read-queries.ts) are among them.
    expect(statements.some((span) => span.name.startsWith('pg.query:profilegraph_'))).toBe(true);

    expect(logs).toContainEqual(expect.objectContaining({ msg: 'graphql request', operation: 'ProfilePage', traceId }));
  }
  // Parameters, variables and the URL's query string are nowhere in what was exported.
  for (const body of receiver.bodies) expect(body).not.toContain(handle);
  expect(spans.flatMap((span) => span.attributes ?? []).map((it) => it.key)).not.toContain('db.postgresql.values');
  expect(attribute(receiver.resourceAttributes(), 'service.name')).toBe('profilegraph');

  // The probe sees the tracing code load OpenTelemetry: its silence below means something.
  const { requires } = await probed();
  expect(requires).toContainEqual({ request: '@opentelemetry/sdk-node', from: expect.stringMatching(/dist\/src\/tracing\/sdk\.js$/) });
});

test('with no OTLP endpoint: no OpenTelemetry module is loaded', async () => {
  const exportsBefore = receiver.bodies.length;
  const { service, probed } = await startProbedService('untraced', {});
  expect(await profilePageOver('POST', service.url, clientTrace().traceparent)).toBe('Peter Cai');
  await stop(service);
  expect(service.output()).not.toContain('Exporting traces');
  expect(receiver.bodies.length).toBe(exportsBefore);

  const { requires, cached } = await probed();
  // prom-client (for /metrics) requires @opentelemetry/api, OpenTelemetry's no-op facade, for
  // exemplars of its own; nothing else asks for OpenTelemetry and nothing more of it is loaded.
  expect(requires.filter(({ from }) => !from.includes('/node_modules/prom-client/'))).toEqual([]);
  expect(cached.filter((file) => !file.includes('/node_modules/@opentelemetry/api/'))).toEqual([]);
  expect(logLines(service).find((line) => line.msg === 'graphql request')).not.toHaveProperty('traceId');
});

test('a malformed endpoint stops the service at once, naming the setting', async () => {
  // The scheme forgotten, as in the usual mistake; the exporter would otherwise drop every span.
  const service = spawnService({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', DATABASE_URL: databaseUrl(database) });
  expect(await exitOf(service)).toBe(1);
  expect(service.output()).toContain('OTEL_EXPORTER_OTLP_ENDPOINT: must be an http(s) URL');
});

describe('tracingSettings', () => {
  const endpoint = 'http://collector:4318';

  test('off without an endpoint, or when the SDK is disabled', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBeUndefined();
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });

  test('the service name: OTEL_SERVICE_NAME, then OTEL_RESOURCE_ATTRIBUTES, then profilegraph', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })?.serviceName).toBe('profilegraph');
    const attributes = 'deployment.environment=staging,service.name=profiles%20api';
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_RESOURCE_ATTRIBUTES: attributes })?.serviceName).toBe(
      'profiles api',
    );
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_RESOURCE_ATTRIBUTES: attributes, OTEL_SERVICE_NAME: 'edge' })
        ?.serviceName,
    ).toBe('edge');
  });

  test('the traces endpoint alone turns tracing on too; credentials stay out of the log', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://user:secret@example.com/v1/traces' })?.endpoint).toBe(
      'https://example.com/v1/traces',
    );
  });
});
