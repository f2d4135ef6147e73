import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { adminScope, hmacSecret } from '../auth/tokens';
import { loadConfigOrExit } from '../config';

// npm run token -- --sub <handle> [--admin] [--expires 8h]
// Prints a development token signed with the configured JWT_SECRET (or the development default),
// to try authenticated requests in Apollo Sandbox: Headers → Authorization: Bearer <token>.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      admin: { type: 'boolean', default: false },
      expires: { type: 'string', default: '8h' },
    },
  });
  if (!values.sub) throw new Error('usage: npm run token -- --sub <handle> [--admin] [--expires 8h]');
  const config = loadConfigOrExit();
  const secret = hmacSecret(config);
  if (!secret) throw new Error('Set JWT_SECRET: in production there is no development secret to sign with');
  const token = await new SignJWT({ scope: values.admin ? adminScope : '' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(values.sub)
    .setIssuedAt()
    .setExpirationTime(values.expires)
    .setIssuer(config.JWT_ISSUER ?? 'profilegraph-dev')
    .setAudience(config.JWT_AUDIENCE ?? 'profilegraph')
    .sign(secret);
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
