/** What the UI shows about a token. The server verifies it; the client only reads it. */
export function tokenClaims(token: string): { subject: string; admin: boolean } | null {
  try {
    const [, payload] = token.split('.');
    if (!payload) return null;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; scope?: unknown };
    if (typeof json.sub !== 'string') return null;
    return { subject: json.sub, admin: typeof json.scope === 'string' && json.scope.split(' ').includes('admin') };
  } catch {
    return null;
  }
}
