import { SignJWT } from 'jose';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { captureLogs } from './support/captured-logs';
import { profilePageQuery } from './support/queries';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
const logs = captureLogs();

const jwtSecret = 'operations-test-secret-of-at-least-32-chars';

beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: jwtSecret }, logs.logger);
  await loadProfile(app.db, peterCai);
});

afterAll(() => app.close());

async function post(body: object, headers: Record<string, string> = {}) {
  return fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

test('/healthz and /readyz answer while the database is there', async () => {
  expect((await fetch(new URL('/healthz', app.url))).status).toBe(200);
  const ready = await fetch(new URL('/readyz', app.url));
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready' });
});

test('one structured log line per request: id, operation, duration, statements, error codes; no variables or tokens', async () => {
  const secret = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('petercai')
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(jwtSecret));
  const response = await post(
    { query: profilePageQuery, operationName: 'ProfilePage', variables: { handle: 'petercai' } },
    { authorization: `Bearer ${secret}`, 'x-request-id': 'trace-123' },
  );
  expect(response.headers.get('x-request-id')).toBe('trace-123');
  await post({ query: 'query Broken { person(handle: 1) { name } }', operationName: 'Broken' });

  const requests = logs.lines.filter((line) => line.msg === 'graphql request');
  expect(requests.find((line) => line.requestId === 'trace-123')).toMatchObject({
    operation: 'ProfilePage',
    status: 200,
    durationMs: expect.any(Number),
    sqlStatements: 1, // the person with roles, degrees and skills: person(handle:) looks ahead
  });
  expect(requests.find((line) => line.operation === 'Broken')).toMatchObject({
    status: 200, // a legacy application/json client: the error is in the body
    errorCodes: ['GRAPHQL_VALIDATION_FAILED'],
    sqlStatements: 0,
  });
  expect(logs.text()).not.toContain(secret);
  expect(logs.text()).not.toContain('petercai');
});

test('a request id that is not a plain token is replaced, not echoed', async () => {
  const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'x'.repeat(200) });
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

test('/metrics: requests and durations by operation and outcome, errors by code, SQL per request, batch sizes, pool, process', async () => {
  await post({ query: profilePageQuery, operationName: 'ProfilePage', variables: { handle: 'petercai' } });
  await post({ query: '{ people(first: 1000) { totalCount } }' });
  const response = await fetch(new URL('/metrics', app.url));
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);

  expect(value(/^profilegraph_graphql_requests_total\{operation="ProfilePage",outcome="success"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
  expect(value(/^profilegraph_graphql_requests_total\{operation="anonymous",outcome="error"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
  expect(text).toMatch(/^profilegraph_graphql_request_duration_seconds_bucket\{le="0\.1",operation="ProfilePage",outcome="success"\} \d+/m);
  expect(value(/^profilegraph_graphql_errors_total\{code="BAD_USER_INPUT"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
  expect(value(/^profilegraph_sql_statements_per_request_bucket\{le="4"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
  expect(value(/^profilegraph_dataloader_batch_size_count\{loader="personByHandle"\} (\d+)/m)).toBeGreaterThanOrEqual(2);
  for (const state of ['in_use', 'idle', 'waiting']) {
    expect(text).toMatch(new RegExp(`^profilegraph_db_pool_connections\\{state="${state}"\\} \\d+`, 'm'));
  }
  expect(value(/^process_resident_memory_bytes (\d+)/m)).toBeGreaterThan(0);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
});

test('operation names from clients cannot grow the metrics without bound', async () => {
  for (let i = 0; i < 110; i++) await post({ query: `query Op${i} { __typename }`, operationName: `Op${i}` });
  const text = await (await fetch(new URL('/metrics', app.url))).text();
  const names = new Set([...text.matchAll(/profilegraph_graphql_requests_total\{operation="([^"]+)"/g)].map((m) => m[1]));
  expect(names.size).toBeLessThanOrEqual(102); // 100 names, "anonymous" and "other"
  expect(names.has('other')).toBe(true);
});
