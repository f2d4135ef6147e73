import { parse } from 'graphql';
import { estimatedCost } from '../src/common/query-limits';
import { createSchema } from '../src/schema';
import { errorCode, startTestApp, type TestApp } from './support/test-app';
import { bearer } from './support/tokens';
import { liveClient, subscribe } from './support/live-client';

// RATE_LIMIT_POINTS without REDIS_URL: each instance counts for itself (rate-limiter-flexible's
// RateLimiterMemory), by token subject or client address, HTTP operations and subscriptions alike.

const points = 40;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_POINTS: points, RATE_LIMIT_WINDOW_S: 60 });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  await app?.close();
});

async function status(query: string, authorization?: string): Promise<{ status: number; retryAfter: string | null; code: unknown }> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.errors?.[0]?.extensions?.code };
}

test('an anonymous client is limited by address, a signed-in one by account, each with its own allowance', async () => {
  const query = '{ people(first: 3) { edges { node { name } } } }';
  const cost = estimatedCost(await createSchema(), parse(query), undefined, {}) ?? 0;
  expect(cost).toBeGreaterThan(1);
  const allowed = Math.floor(points / cost);

  for (let i = 0; i < allowed; i++) expect((await status(query)).status).toBe(200);
  expect(await status(query)).toEqual({ status: 429, retryAfter: expect.stringMatching(/^\d+$/), code: 'RATE_LIMITED' });

  const signedIn = await bearer('rate-limited-account');
  for (let i = 0; i < allowed; i++) expect((await status(query, signedIn)).status).toBe(200);
  expect((await status(query, signedIn)).status).toBe(429);
});

test('a subscription is charged its cost when it starts', async () => {
  const client = liveClient(app.url, await bearer('subscriber-account'));
  try {
    // Everything but the last point, over HTTP; then a subscription costing more than one is refused.
    for (let spent = 0; spent < points - 1; spent++)
      expect((await status('{ __typename }', await bearer('subscriber-account'))).status).toBe(200);
    const refused = subscribe(client, 'subscription { personUpdated(handle: "anyone") { name handle } }');
    expect(await refused.ended).toBe('error');
    expect(refused.received[0]?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  } finally {
    await client.dispose();
  }
  // The window has not passed: this address's allowance, spent by the first test, is still spent.
  expect(errorCode(await app.query('{ __typename }'))).toBe('RATE_LIMITED');
});
