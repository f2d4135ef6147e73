import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Pool occupancy, read when Prometheus scrapes. */
export interface PoolStats {
  inUse: number;
  idle: number;
  waiting: number;
}

// Operation names come from clients; past this many distinct ones they are counted as "other" so a
// client cannot blow up the number of time series.
const maxOperationNames = 100;

/** One registry per server, so that tests can run several servers in one process. */
export function createMetrics(poolStats: () => PoolStats) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const operationNames = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (!name) return 'anonymous';
    if (operationNames.has(name)) return name;
    if (operationNames.size >= maxOperationNames) return 'other';
    operationNames.add(name);
    return name;
  };

  const requests = new Counter({
    name: 'profilegraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (success or error).',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'profilegraph_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'profilegraph_graphql_errors_total',
    help: 'Errors returned to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const statements = new Histogram({
    name: 'profilegraph_sql_statements_per_request',
    help: 'SQL statements one GraphQL request sent to the database.',
    buckets: [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 50],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'profilegraph_dataloader_batch_size',
    help: 'Keys per DataLoader batch (one SQL statement each), by loader.',
    labelNames: ['loader'],
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
    registers: [registry],
  });
  const compiledQueries = new Counter({
    name: 'profilegraph_compiled_queries_total',
    help: 'Queries run by a compiled function (graphql-jit): answered by it, or run again by graphql-js after it reported errors.',
    labelNames: ['result'],
    registers: [registry],
  });
  new Gauge({
    name: 'profilegraph_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle, waiting for a connection).',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const stats = poolStats();
      this.set({ state: 'in_use' }, stats.inUse);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });

  return {
    registry,
    observeRequest(request: { operationName: string | null; errorCodes: string[]; seconds: number; statements: number }) {
      const labels = { operation: operationLabel(request.operationName), outcome: request.errorCodes.length ? 'error' : 'success' };
      requests.inc(labels);
      duration.observe(labels, request.seconds);
      statements.observe(request.statements);
      for (const code of request.errorCodes) errors.inc({ code });
    },
    observeBatch(loader: string, keys: number) {
      batchSize.observe({ loader }, keys);
    },
    compiledQueryStats: {
      onCompiled: () => compiledQueries.inc({ result: 'answered' }),
      onFallback: () => compiledQueries.inc({ result: 'fallback' }),
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
