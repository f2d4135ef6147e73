import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

// Three routes do not need a router library: the History API and one subscription are enough, and
// keep the profile route's JavaScript small.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentLocation = () => window.location.pathname + window.location.search;

export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, currentLocation, () => '/');
  return new URL(href, window.location.origin);
}

export function navigate(to: string, { replace = false } = {}): void {
  if (to === currentLocation()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
  if (!replace) window.scrollTo(0, 0);
}

export type Route = { page: 'search' } | { page: 'skills' } | { page: 'profile'; handle: string } | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/') return { page: 'search' };
  if (pathname === '/skills') return { page: 'skills' };
  const profile = /^\/people\/([^/]+)\/?$/.exec(pathname);
  if (profile?.[1]) return { page: 'profile', handle: decodeURIComponent(profile[1]) };
  return { page: 'not-found' };
}

export function profilePath(handle: string): string {
  return `/people/${encodeURIComponent(handle)}`;
}

/** An <a> that navigates within the app (a modified click still opens a new tab). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
