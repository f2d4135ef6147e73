import { startService, type ReadyService } from '../../support/service-process';
import { freePort } from '../../support/service-process';

export { killLeftoverServices } from '../../support/service-process';

export interface Instance extends ReadyService {
  port: number;
  /** The service's origin, e.g. http://localhost:4001. */
  origin: string;
}

/**
 * Starts `count` instances of the built service, one after the other (the first applies the
 * migrations and the seed; the others then find nothing to do), each on a free port, all with the
 * same settings plus what `perInstance` adds.
 */
export async function startInstances(
  count: number,
  env: Record<string, string | undefined>,
  perInstance: (index: number) => Record<string, string | undefined> = () => ({}),
): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (let index = 0; index < count; index++) {
    const port = await freePort();
    const service = await startService({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PORT: String(port),
      ...env,
      ...perInstance(index),
    });
    instances.push({ ...service, port, origin: `http://localhost:${port}` });
  }
  return instances;
}

export interface GraphQLResult<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  headers: Headers;
}

/** POSTs one operation to an instance's /graphql with the headers given (Authorization, X-Profilegraph-LSN, ...). */
export async function graphql<T>(
  instance: { origin: string },
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${instance.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLResult<T>['errors'] };
  return { status: response.status, ...body, headers: response.headers };
}

/** One sample of a Prometheus metric from an instance's /metrics (0 when absent). */
export async function metric(instance: { origin: string }, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${instance.origin}/metrics`)).text();
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((label) => line.includes(label))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
