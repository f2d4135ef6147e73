import { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
import type { Pool, PoolClient } from 'pg';

// PostGraphile counts no SQL statements itself. The benchmark reads the service's count from the
// `profilegraph_sql_statements_per_request` histogram on /metrics, so this process counts every
// statement its pool's clients send, attributes it to the request it runs for (AsyncLocalStorage
// follows the request through grafast's promises), and serves the same histogram.

const histogram = 'profilegraph_sql_statements_per_request';
/** The service's buckets (src/common/metrics.ts): exact up to 6. */
const bounds = [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 50];

interface RequestCount {
  statements: number;
}

export class StatementCounter {
  private readonly current = new AsyncLocalStorage<RequestCount>();
  private readonly buckets = bounds.map(() => 0);
  private count = 0;
  private sum = 0;
  /** Statements sent outside any request: introspection at start-up; more under load would mean lost counts. */
  private unattributed = 0;

  constructor(private readonly logSql = false) {}

  /** Counts the statements of every client the pool opens from now on. */
  watch(pool: Pool): void {
    pool.on('connect', (client: PoolClient) => {
      // pg's query() has a dozen overloads; the counter only needs to see it called.
      const target = client as unknown as { query: (...args: unknown[]) => unknown };
      const query = target.query.bind(client);
      target.query = (...args: unknown[]) => {
        const request = this.current.getStore();
        if (request) request.statements++;
        else this.unattributed++;
        if (this.logSql) console.log(JSON.stringify(args[0]));
        return query(...args);
      };
    });
  }

  /** Runs `handle` as one request, whose statements count once its response is over. */
  countRequest(response: ServerResponse, handle: () => void): void {
    const count: RequestCount = { statements: 0 };
    response.once('finish', () => this.record(count.statements));
    this.current.run(count, handle);
  }

  private record(statements: number): void {
    this.count++;
    this.sum += statements;
    bounds.forEach((bound, i) => {
      if (statements <= bound) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }

  /** Prometheus text, as prom-client writes a histogram (cumulative buckets). */
  metrics(): string {
    const lines = [`# TYPE ${histogram} histogram`];
    bounds.forEach((bound, i) => lines.push(`${histogram}_bucket{le="${bound}"} ${this.buckets[i]}`));
    lines.push(`${histogram}_bucket{le="+Inf"} ${this.count}`, `${histogram}_sum ${this.sum}`, `${histogram}_count ${this.count}`);
    lines.push(`postgraphile_bench_unattributed_statements ${this.unattributed}`);
    return `${lines.join('\n')}\n`;
  }
}
