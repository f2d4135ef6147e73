import { SignJWT } from 'jose';
import { hmacSecret } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';

/** An Authorization header value the test server accepts (its development secret). */
export async function bearer(subject: string, options: { admin?: boolean } = {}): Promise<string> {
  const secret = hmacSecret(loadConfig({ NODE_ENV: 'test' }));
  if (!secret) throw new Error('no development secret');
  const token = await new SignJWT({ scope: options.admin ? 'admin' : '' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setExpirationTime('1h')
    .sign(secret);
  return `Bearer ${token}`;
}
