import { GraphQLError } from 'graphql';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ErrorCode } from '../common/errors';
import { checkText } from '../common/input-text';
import type { Config } from '../config';
import type { Viewer } from './viewer';

export type AuthConfig = Pick<Config, 'NODE_ENV' | 'JWT_SECRET' | 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE'>;

// Outside production, tokens from `npm run token` work with no configuration at all. Production
// has no default: without JWT_SECRET or JWT_JWKS_URL every token is refused.
const developmentSecret = 'profilegraph-development-secret-not-for-production';

/**
 * Whether tokens are checked against the built-in development secret, which anyone can sign with:
 * outside production with neither JWT_SECRET nor JWT_JWKS_URL. Only then may the service sign
 * tokens for the asking (the web UI's "Sign in as…").
 */
export function usesDevelopmentSecret(config: AuthConfig): boolean {
  return !config.JWT_SECRET && !config.JWT_JWKS_URL && config.NODE_ENV !== 'production';
}

/** The HS256 secret tokens are signed with, if any. */
export function hmacSecret(config: AuthConfig): Uint8Array | null {
  const secret = config.JWT_SECRET ?? (config.NODE_ENV === 'production' ? undefined : developmentSecret);
  return secret === undefined ? null : new TextEncoder().encode(secret);
}

export const adminScope = 'admin';

function hasAdminScope(payload: JWTPayload): boolean {
  const { scope, scp } = payload;
  const scopes = typeof scope === 'string' ? scope.split(' ') : Array.isArray(scp) ? scp : [];
  return scopes.includes(adminScope);
}

// One message for every failure: why a token was refused is nobody's business but the server's.
function invalidToken(): GraphQLError {
  return new GraphQLError('The bearer token is invalid or has expired', {
    extensions: { code: ErrorCode.Unauthenticated, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
  });
}

/**
 * Turns an Authorization header into a Viewer: none (null) without a header; UNAUTHENTICATED for
 * anything but a valid token: HS256 with JWT_SECRET, or RS256/ES256 against JWT_JWKS_URL, with
 * issuer and audience checked when configured.
 */
export function createTokenVerifier(config: AuthConfig): (authorization: string | undefined) => Promise<Viewer | null> {
  const secret = hmacSecret(config);
  const jwks: JWTVerifyGetKey | null = config.JWT_JWKS_URL ? createRemoteJWKSet(new URL(config.JWT_JWKS_URL)) : null;
  const checks = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };

  async function verify(token: string): Promise<JWTPayload> {
    if (jwks) return (await jwtVerify(token, jwks, { ...checks, algorithms: ['RS256', 'ES256'] })).payload;
    if (secret) return (await jwtVerify(token, secret, { ...checks, algorithms: ['HS256'] })).payload;
    throw new Error('no key is configured to verify tokens');
  }

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization)?.[1];
    if (!token) throw invalidToken();
    let viewer: Viewer;
    try {
      const payload = await verify(token);
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('no subject');
      viewer = { subject: payload.sub, admin: hasAdminScope(payload) };
    } catch {
      throw invalidToken();
    }
    // The subject is looked up in the database: it must be text PostgreSQL can take.
    checkText({ 'Authorization.sub': viewer.subject });
    return viewer;
  };
}
