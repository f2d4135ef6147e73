import { SignJWT } from 'jose';
import { adminScope, hmacSecret, type AuthConfig } from './tokens';

export interface TokenRequest {
  subject: string;
  admin?: boolean;
  /** A jose duration: `8h`, `30m`. */
  expires?: string;
}

/**
 * A bearer token as `npm run token` prints it: HS256 with JWT_SECRET (or, outside production, the
 * development secret), carrying JWT_ISSUER and JWT_AUDIENCE when they are set.
 */
export async function signToken(config: AuthConfig, request: TokenRequest): Promise<string> {
  const secret = hmacSecret(config);
  if (!secret) throw new Error('Set JWT_SECRET: in production there is no development secret to sign with');
  return new SignJWT({ scope: request.admin ? adminScope : '' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(request.expires ?? '8h')
    .setIssuer(config.JWT_ISSUER ?? 'profilegraph-dev')
    .setAudience(config.JWT_AUDIENCE ?? 'profilegraph')
    .sign(secret);
}
