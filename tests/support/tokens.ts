import { SignJWT } from 'jose';
import { hmacSecret } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';

/**
 * An Authorization header value the test server accepts: signed with its development secret, or
 * with `secret` for a service started with that JWT_SECRET.
 */
export async function bearer(subject: string, options: { admin?: boolean; secret?: string } = {}): Promise<string> {
  const secret = hmacSecret(loadConfig({ NODE_ENV: 'test', JWT_SECRET: options.secret }));
  if (!secret) throw new Error('no development secret');
  const token = await new SignJWT({ scope: options.admin ? 'admin' : '' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setExpirationTime('1h')
    .sign(secret);
  return `Bearer ${token}`;
}
