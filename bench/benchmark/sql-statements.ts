// profilegraph_sql_statements_per_request on GET /metrics: the service counts every request's SQL
// statements, so the benchmark reads the histogram before and after a round and takes the difference.

const histogram = 'profilegraph_sql_statements_per_request';

export interface StatementHistogram {
  sum: number;
  count: number;
  /** Cumulative counts by upper bound (`le`), as Prometheus gives them. */
  buckets: Map<number, number>;
}

export async function readStatementHistogram(metricsUrl: string): Promise<StatementHistogram> {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
  const buckets = new Map<number, number>();
  for (const [, le, count] of text.matchAll(new RegExp(`^${histogram}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm'))) {
    buckets.set(le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), Number(count));
  }
  return { sum: value(`${histogram}_sum`), count: value(`${histogram}_count`), buckets };
}

export interface StatementsPerRequest {
  requests: number;
  mean: number;
  /**
   * The fewest and most statements any request of the round sent, as far as the buckets tell:
   * the upper bound of the lowest and highest bucket that gained requests (exact up to 6).
   */
  min: number;
  max: number;
}

export function statementsBetween(before: StatementHistogram, after: StatementHistogram): StatementsPerRequest {
  const requests = after.count - before.count;
  const gained: number[] = [];
  let below = 0;
  for (const [le, cumulative] of [...after.buckets].sort(([a], [b]) => a - b)) {
    const inBucket = cumulative - (before.buckets.get(le) ?? 0) - below;
    below += inBucket;
    if (inBucket > 0) gained.push(le);
  }
  return {
    requests,
    mean: requests > 0 ? (after.sum - before.sum) / requests : Number.NaN,
    min: gained[0] ?? Number.NaN,
    max: gained.at(-1) ?? Number.NaN,
  };
}
