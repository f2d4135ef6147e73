import { parseArgs } from 'node:util';
import { signToken } from '../auth/sign-token';
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
  console.log(await signToken(loadConfigOrExit(), { subject: values.sub, admin: values.admin, expires: values.expires }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
