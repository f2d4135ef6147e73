import autocannon from 'autocannon';

export interface Load {
  /** The GraphQL endpoint. */
  url: string;
  connections: number;
  seconds: number;
  /** Request bodies, sent in turn; they are JSON already so that the client spends no time on them. */
  bodies: readonly string[];
  /** Which body to send first, so that rounds do not all start on the same few. */
  startAt: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  /** The first error answer, to say what went wrong. */
  firstError: string | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function runLoad(load: Load): Promise<LoadResult> {
  let next = load.startAt;
  let graphqlErrors = 0;
  let firstError: string | null = null;
  // autocannon's own percentiles are whole milliseconds, too coarse next to the floor's 1-2 ms:
  // keep every response time (a few tens of thousands of numbers) instead.
  const responseTimes: number[] = [];
  const options: autocannon.Options = {
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: load.bodies[next++ % load.bodies.length] }),
        onResponse: (status, body) => {
          // The service and the floor put "errors" first, PostGraphile after "data". Inside a JSON
          // string the quotes would be escaped, and no operation has a field named errors.
          if (status !== 200 || body.includes('"errors":[')) {
            if (status === 200) graphqlErrors++;
            firstError ??= `${status} ${body.slice(0, 500)}`;
          }
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((done, fail) => {
    const instance = autocannon(options, (error: Error | null, finished: autocannon.Result) => (error ? fail(error) : done(finished)));
    instance.on('response', (_client, _status, _bytes, milliseconds) => responseTimes.push(milliseconds));
  });
  const sorted = Float64Array.from(responseTimes).sort();
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors + result.non2xx + graphqlErrors,
    firstError,
  };
}
