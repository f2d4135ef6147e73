import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { hmacSecret } from '../src/auth/tokens';
import { loadConfig, type Config } from '../src/config';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { syntheticProfile } from '../bench/synthetic-profile';
import { startTestApp, type TestApp } from './support/test-app';

const execFileAsync = promisify(execFile);
const developmentSecret = hmacSecret(loadConfig({ NODE_ENV: 'test' }));

function sign(claims: JWTPayload, key: KeyLike | Uint8Array | null = developmentSecret, alg = 'HS256', expires = '1h') {
  if (!key) throw new Error('no key');
  const jwt = new SignJWT(claims).setProtectedHeader({ alg }).setIssuedAt().setExpirationTime(expires);
  return jwt.sign(key);
}

async function asViewer(app: TestApp, token: string | null, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: token }) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as {
      data?: Record<string, unknown>;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    }),
  };
}

const contact = '{ viewer { handle } peter: person(handle: "petercai") { name email phone } other: person(handle: "person-1") { email } }';

describe('with the HS256 secret', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await loadProfile(app.db, { ...peterCai, email: 'peter@example.com', phone: '+1 555 0100' }, 'petercai');
    await loadProfile(app.db, syntheticProfile(1), 'person-1');
  });

  afterAll(() => app.close());

  test('anonymous requests read public fields; contact details read as null', async () => {
    const { data, errors } = await asViewer(app, null, contact);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ viewer: null, peter: { name: 'Peter Cai', email: null, phone: null }, other: { email: null } });
  });

  test('the owner sees their own contact details, and viewer is their profile', async () => {
    const { data } = await asViewer(app, `Bearer ${await sign({ sub: 'petercai' })}`, contact);
    expect(data).toEqual({
      viewer: { handle: 'petercai' },
      peter: { name: 'Peter Cai', email: 'peter@example.com', phone: '+1 555 0100' },
      other: { email: null },
    });
  });

  test("someone else's token does not reveal another person's contact details", async () => {
    const { data } = await asViewer(app, `Bearer ${await sign({ sub: 'person-1' })}`, contact);
    expect(data).toEqual({
      viewer: { handle: 'person-1' },
      peter: { name: 'Peter Cai', email: null, phone: null },
      other: { email: 'person-1@example.com' },
    });
  });

  test("an admin token sees everyone's contact details", async () => {
    const { data } = await asViewer(app, `Bearer ${await sign({ sub: 'ops', scope: 'read admin' })}`, contact);
    expect(data).toEqual({
      viewer: null,
      peter: { name: 'Peter Cai', email: 'peter@example.com', phone: '+1 555 0100' },
      other: { email: 'person-1@example.com' },
    });
  });

  test('node(id:) applies the same rules', async () => {
    const { data: ids } = await asViewer(app, null, '{ person(handle: "petercai") { id } }');
    const id = (ids?.person as { id: string }).id;
    const query = 'query ($id: ID!) { node(id: $id) { ... on Person { email phone } } nodes(ids: [$id]) { ... on Person { email } } }';
    expect((await asViewer(app, null, query, { id })).data).toEqual({ node: { email: null, phone: null }, nodes: [{ email: null }] });
    const owner = `Bearer ${await sign({ sub: 'petercai' })}`;
    expect((await asViewer(app, owner, query, { id })).data).toEqual({
      node: { email: 'peter@example.com', phone: '+1 555 0100' },
      nodes: [{ email: 'peter@example.com' }],
    });
  });

  test.each([
    [
      'a tampered payload',
      async () => {
        const [header, , signature] = (await sign({ sub: 'person-1' })).split('.');
        const forged = Buffer.from(JSON.stringify({ sub: 'petercai', exp: 9_999_999_999 })).toString('base64url');
        return `Bearer ${header}.${forged}.${signature}`;
      },
    ],
    ['a wrong secret', async () => `Bearer ${await sign({ sub: 'petercai' }, new TextEncoder().encode('x'.repeat(40)))}`],
    ['an expired token', async () => `Bearer ${await sign({ sub: 'petercai' }, developmentSecret, 'HS256', '-1m')}`],
    ['no subject', async () => `Bearer ${await sign({ scope: 'admin' })}`],
    [
      'alg none',
      async () =>
        `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"petercai"}').toString('base64url')}.`,
    ],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    ['another scheme', async () => 'Basic cGV0ZXJjYWk6cGFzc3dvcmQ='],
    ['a bare token', async () => sign({ sub: 'petercai' })],
  ])('%s gets 401 UNAUTHENTICATED and nothing else', async (_, token) => {
    const response = await asViewer(app, await token(), contact);
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([{ message: 'The bearer token is invalid or has expired', extensions: { code: 'UNAUTHENTICATED' } }]);
  });

  test('npm run token prints a token this service accepts', async () => {
    const script = resolve(__dirname, '../dist/src/scripts/token.js');
    const env = { ...process.env, NODE_ENV: 'test', JWT_SECRET: '' };
    const owner = (await execFileAsync(process.execPath, [script, '--sub', 'petercai'], { env })).stdout.trim();
    expect((await asViewer(app, `Bearer ${owner}`, '{ viewer { handle } }')).data).toEqual({ viewer: { handle: 'petercai' } });
    const admin = (await execFileAsync(process.execPath, [script, '--sub', 'ops', '--admin'], { env })).stdout.trim();
    expect((await asViewer(app, `Bearer ${admin}`, contact)).data?.other).toEqual({ email: 'person-1@example.com' });
  });
});

describe('issuer and audience, when configured', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ JWT_ISSUER: 'https://issuer.example', JWT_AUDIENCE: 'profilegraph' });
  });

  afterAll(() => app.close());

  test('must match', async () => {
    const good = await sign({ sub: 'a', iss: 'https://issuer.example', aud: 'profilegraph' });
    expect((await asViewer(app, `Bearer ${good}`, '{ viewer { handle } }')).status).toBe(200);
    for (const claims of [{ iss: 'https://other.example', aud: 'profilegraph' }, { iss: 'https://issuer.example', aud: 'other' }, {}]) {
      const token = await sign({ sub: 'a', ...claims });
      expect((await asViewer(app, `Bearer ${token}`, '{ viewer { handle } }')).status).toBe(401);
    }
  });
});

describe('with a JWKS URL (RS256 and ES256)', () => {
  let app: TestApp;
  let jwksServer: Server;
  const keys: { rsa?: KeyLike; ec?: KeyLike } = {};

  beforeAll(async () => {
    const rsa = await generateKeyPair('RS256');
    const ec = await generateKeyPair('ES256');
    keys.rsa = rsa.privateKey;
    keys.ec = ec.privateKey;
    const jwks = {
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256', use: 'sig' },
      ],
    };
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((done) => jwksServer.listen(0, '127.0.0.1', done));
    const { port } = jwksServer.address() as AddressInfo;
    const settings: Partial<Config> = { JWT_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` };
    app = await startTestApp(settings);
  });

  afterAll(async () => {
    await app.close();
    await new Promise((done) => jwksServer.close(done));
  });

  test('accepts tokens signed by a published key, refuses HS256 and unknown keys', async () => {
    const signWith = (key: KeyLike | undefined, alg: string, kid: string) =>
      new SignJWT({ sub: 'jwks-user' })
        .setProtectedHeader({ alg, kid })
        .setExpirationTime('1h')
        .sign(key as KeyLike);
    for (const token of [await signWith(keys.rsa, 'RS256', 'rsa'), await signWith(keys.ec, 'ES256', 'ec')]) {
      expect((await asViewer(app, `Bearer ${token}`, '{ viewer { handle } }')).status).toBe(200);
    }
    expect((await asViewer(app, `Bearer ${await sign({ sub: 'jwks-user' })}`, '{ viewer { handle } }')).status).toBe(401);
    const stranger = await generateKeyPair('RS256');
    const unknown = await signWith(stranger.privateKey, 'RS256', 'rsa');
    expect((await asViewer(app, `Bearer ${unknown}`, '{ viewer { handle } }')).status).toBe(401);
  });
});

test('in production with no key configured, every token is refused and anonymous reads still work', async () => {
  const app = await startTestApp({ NODE_ENV: 'production' });
  try {
    expect((await asViewer(app, `Bearer ${await sign({ sub: 'petercai' })}`, '{ viewer { handle } }')).status).toBe(401);
    expect((await asViewer(app, null, '{ people { totalCount } }')).data).toEqual({ people: { totalCount: 0 } });
  } finally {
    await app.close();
  }
});
