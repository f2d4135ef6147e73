import { useSyncExternalStore } from 'react';

// The bearer token lives in localStorage so that every tab of the site shares the sign-in.
const key = 'profilegraph.token';
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return window.localStorage.getItem(key);
}

export function setToken(token: string | null): void {
  if (token) window.localStorage.setItem(key, token);
  else window.localStorage.removeItem(key);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, currentToken, () => null);
}

/** Outside production the service signs development tokens (src/web/dev-token.ts); in production it answers 404. */
export async function signInForDevelopment(subject: string, admin: boolean): Promise<void> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject, admin }),
  });
  if (!response.ok) throw new Error(response.status === 404 ? 'This service signs no development tokens (production)' : 'Sign-in failed');
  const { token } = (await response.json()) as { token: string };
  setToken(token);
}
