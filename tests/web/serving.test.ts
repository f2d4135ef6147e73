import { peterCai } from '../../src/seed/petercai';
import { loadProfile } from '../../src/seed/load-profile';
import { startTestApp, type TestApp } from '../support/test-app';

// What the service answers for the web UI's routes, without a browser. The UI itself is built by
// `npm test`'s build step (dist/web).
let app: TestApp;
let origin: string;

beforeAll(async () => {
  app = await startTestApp();
  origin = new URL(app.url).origin;
  await loadProfile(app.db, peterCai, 'petercai');
});

afterAll(() => app.close());

test.each([
  ['/', 200],
  ['/skills', 200],
  ['/people/petercai', 200],
  ['/people/PeterCai', 200],
  ['/people/no-such-person', 404],
  ['/graphiql', 200],
])('GET %s is the app’s HTML with status %i', async (path, status) => {
  const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(await response.text()).toMatch(/<script type="module" crossorigin src="\/assets\//);
});

test('the handle check of /people/{handle} is one SQL statement', async () => {
  expect(await app.countStatements(() => fetch(`${origin}/people/petercai`))).toBe(1);
  expect(await app.countStatements(() => fetch(`${origin}/people/nobody`))).toBe(1);
});

test('the assets are content-hashed and cached for a year; a missing one is a 404', async () => {
  const html = await (await fetch(`${origin}/`)).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const response = await fetch(`${origin}${script}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const missing = await fetch(`${origin}/assets/no-such-file.js`);
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('NOT_FOUND');
});

test('/graphql still shows Apollo Sandbox to browsers, and the JSON Resume export stays', async () => {
  const sandbox = await fetch(app.url, { headers: { accept: 'text/html' } });
  expect(sandbox.status).toBe(200);
  expect(await sandbox.text()).toMatch(/sandbox/i);
  const resume = await fetch(`${origin}/people/petercai/resume.json`);
  expect(resume.status).toBe(200);
  expect(((await resume.json()) as { basics: { name: string } }).basics.name).toBe('Peter Cai');
});

test('outside production, POST /dev/token signs a token the API accepts', async () => {
  const response = await fetch(`${origin}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject: 'petercai' }),
  });
  expect(response.status).toBe(200);
  const { token } = (await response.json()) as { token: string };
  const viewer = await app.query<{ viewer: { handle: string } | null }>('{ viewer { handle } }', {}, `Bearer ${token}`);
  expect(viewer.data?.viewer).toEqual({ handle: 'petercai' });

  const bad = await fetch(`${origin}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"subject":"a b"}',
  });
  expect(bad.status).toBe(400);
});

test.each([
  ['in production', { NODE_ENV: 'production' as const, JWT_SECRET: 'a-production-secret-of-at-least-32-characters' }],
  // A real secret with NODE_ENV left unset (development): the route would sign valid admin tokens.
  ['with a real JWT_SECRET outside production', { JWT_SECRET: 'a-production-secret-of-at-least-32-characters' }],
])('%s there is no /dev/token at all', async (_when, settings) => {
  const production = await startTestApp(settings);
  try {
    const response = await fetch(`${new URL(production.url).origin}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'petercai', admin: true }),
    });
    expect(response.status).toBe(404);
  } finally {
    await production.close();
  }
});
