import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ReactNode } from 'react';

export function Loading({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

const limitCodes = new Set([
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'TOKEN_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
]);

interface ErrorShape {
  code?: string;
  message: string;
}

/** The first GraphQL error of a failed request, whether it came back as 200 or as a 4xx/5xx body. */
export function firstError(error: unknown): ErrorShape {
  if (CombinedGraphQLErrors.is(error)) {
    const [first] = error.errors;
    return { code: first?.extensions?.code as string | undefined, message: first?.message ?? error.message };
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: { message: string; extensions?: { code?: string } }[] };
      const first = body.errors?.[0];
      if (first) return { code: first.extensions?.code, message: first.message };
    } catch {
      // Not JSON: a proxy's page. The status says enough.
    }
    return { code: error.statusCode === 503 ? 'SERVICE_UNAVAILABLE' : undefined, message: `The service answered ${error.statusCode}` };
  }
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) };
}

export function errorCodes(error: unknown): string[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : ''));
  const first = firstError(error);
  return first.code ? [first.code] : [];
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { code, message } = firstError(error);
  let title = 'Something went wrong';
  let advice = message;
  if (code === 'SERVICE_UNAVAILABLE') {
    title = 'The service is unavailable right now';
    advice = 'Its database cannot be reached. Nothing is lost: try again in a moment.';
  } else if (code === 'QUERY_TIMEOUT') {
    title = 'This took too long';
    advice = 'The search ran past the time limit. Narrow it (add a skill or a filter) and try again.';
  } else if (code && limitCodes.has(code)) {
    title = 'This request is too large';
    advice = `The service refused it (${code}): ${message}. Ask for fewer results or a simpler search.`;
  } else if (code === 'NETWORK') {
    title = 'Cannot reach the service';
    advice = 'Check your connection, or that the service is running, then try again.';
  } else if (code === 'BAD_USER_INPUT') {
    title = 'The search could not be read';
  }
  return (
    <div className="state state-error" role="alert" data-code={code}>
      <h2>{title}</h2>
      <p>{advice}</p>
      {code && <p className="muted">Code: {code}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
