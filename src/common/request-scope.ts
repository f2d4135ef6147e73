import { AsyncLocalStorage } from 'node:async_hooks';

/** What one HTTP request accumulates on its way through, for its log line and its metrics. */
export interface RequestScope {
  requestId: string;
  /** The address the request came from (the rate limit's key for anonymous clients). */
  clientAddress?: string;
  /** The OpenTelemetry trace it belongs to, when tracing is on. */
  traceId?: string;
  statements: number;
  operationName: string | null;
  errorCodes: string[];
  /** One entry per DataLoader batch: which loader, how many keys. */
  batches: { loader: string; keys: number }[];
}

const storage = new AsyncLocalStorage<RequestScope>();

export function newRequestScope(requestId: string): RequestScope {
  return { requestId, statements: 0, operationName: null, errorCodes: [], batches: [] };
}

/** Runs `work` inside the scope: everything it starts, sync or async, sees the same scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request being served, if any (none in scripts, migrations, tests' own SQL). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
