import { SignJWT } from 'jose';
import { hmacSecret } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { profileToResume, validateResume } from '../src/resume/json-resume';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { syntheticProfile } from '../bench/synthetic-profile';
import { startTestApp, type TestApp } from './support/test-app';

let app: TestApp;
const peter = { ...peterCai, email: 'peter@example.com' };

beforeAll(async () => {
  app = await startTestApp();
  await loadProfile(app.db, peter, 'petercai');
});

afterAll(() => app.close());

async function ownerToken(): Promise<string> {
  const secret = hmacSecret(loadConfig({ NODE_ENV: 'test' }));
  if (!secret) throw new Error('no secret');
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('petercai').setExpirationTime('1h').sign(secret);
}

test('Person.resume is the seed profile as a valid JSON Resume document, contact details withheld from strangers', async () => {
  const { data, errors } = await app.query<{ person: { resume: unknown } }>('{ person(handle: "petercai") { resume } }');
  expect(errors).toBeUndefined();
  const resume = data?.person.resume;
  expect(validateResume(resume)).toMatchObject({ ok: true });
  expect(resume).toEqual(profileToResume({ ...peter, email: null }));
  expect(JSON.stringify(resume)).not.toContain('peter@example.com');
});

test('GET /people/:handle/resume.json serves the same document; the owner also gets their e-mail', async () => {
  const url = new URL('/people/PeterCai/resume.json', app.url);
  const anonymous = await fetch(url);
  expect(anonymous.status).toBe(200);
  expect(await anonymous.json()).toEqual(profileToResume({ ...peter, email: null }));
  const owner = await fetch(url, { headers: { authorization: `Bearer ${await ownerToken()}` } });
  expect(await owner.json()).toEqual(profileToResume(peter));

  const missing = await fetch(new URL('/people/nobody/resume.json', app.url));
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  const badToken = await fetch(url, { headers: { authorization: 'Bearer nope' } });
  expect(badToken.status).toBe(401);
});

test('exporting a page of people costs the same statements for 1 person and for 30', async () => {
  const count = () =>
    app.countStatements(async () => {
      const { errors } = await app.query('{ people(first: 50) { nodes { resume } } }');
      expect(errors).toBeUndefined();
    });
  const one = await count();
  for (let n = 0; n < 29; n++) await loadProfile(app.db, syntheticProfile(n));
  const thirty = await count();
  // people page, then roles, degrees and skills in one statement
  expect({ one, thirty }).toEqual({ one: 2, thirty: 2 });
});
