import type { OperationName } from '../operations';
import { runLoad, type LoadResult } from './load';
import { runSequential, type TimedRequest } from './single-client';
import { postgresCpuSeconds, sampleProcess } from './process-stats';
import { startServer, type ServerKind, type ServerSettings } from './server-process';
import { readStatementHistogram, statementsBetween, type StatementsPerRequest } from './sql-statements';

export interface RoundPlan {
  server: ServerKind;
  operation: OperationName;
  connections: number;
  round: number;
  bodies: readonly string[];
  /** Names of the bodies, where the operation has them: one connection then times each request by name. */
  labels?: readonly string[];
  warmupSeconds: number;
  seconds: number;
}

export interface RoundResult {
  server: ServerKind;
  operation: OperationName;
  connections: number;
  round: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) per request, over the measured load only. */
  cpuMsPerRequest: number;
  /** PostgreSQL's CPU per request over the same load (every postgres process on this machine). */
  databaseCpuMsPerRequest: number;
  /** The server process's peak resident memory over its life (start, warm-up, load). */
  peakRssMiB: number;
  /** The service counts its SQL statements, the benchmark's PostGraphile server too; the floor sends one by construction. */
  statements: StatementsPerRequest | null;
  errors: number;
  firstError: string | null;
  /** Single-client rounds of named bodies: every request's time, by name. */
  timings?: TimedRequest[];
}

/**
 * One round: a fresh server (so that only one runs at a time and each round is a fresh process),
 * warmed up with the same load, then measured, then stopped.
 */
export async function measureRound(plan: RoundPlan, settings: ServerSettings): Promise<RoundResult> {
  const server = await startServer(plan.server, settings);
  try {
    // Successive rounds start at different bodies (a prime step, so that it does not fall back on
    // the same few whatever the number of bodies); the servers of a round at the same one.
    const load = { url: server.url, connections: plan.connections, bodies: plan.bodies, startAt: plan.round * 7919 };
    const sequential = plan.connections === 1 && plan.labels !== undefined;
    const run = async (seconds: number): Promise<LoadResult & { timings?: TimedRequest[] }> => {
      if (!sequential) return runLoad({ ...load, seconds });
      const result = await runSequential({ url: server.url, bodies: plan.bodies, labels: plan.labels ?? [], seconds });
      const requests = result.timings.length;
      const sorted = result.timings.map((timing) => timing.ms).sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(requests - 1, Math.ceil((p / 100) * requests) - 1)] ?? Number.NaN;
      const elapsed = result.timings.reduce((total, timing) => total + timing.ms, 0) / 1000;
      return { ...result, requests, requestsPerSecond: requests / elapsed, p50Ms: at(50), p99Ms: at(99) };
    };
    if (plan.warmupSeconds > 0) await run(plan.warmupSeconds);

    // Scraping /metrics costs the server CPU: scrape outside the CPU samples.
    const metricsUrl = new URL('/metrics', server.url).toString();
    const histogramBefore = plan.server === 'floor' ? null : await readStatementHistogram(metricsUrl);
    const processBefore = await sampleProcess(server.pid);
    const databaseBefore = await postgresCpuSeconds();
    const result = await run(plan.seconds);
    const databaseAfter = await postgresCpuSeconds();
    const processAfter = await sampleProcess(server.pid);
    const histogramAfter = histogramBefore ? await readStatementHistogram(metricsUrl) : null;

    return {
      server: plan.server,
      operation: plan.operation,
      connections: plan.connections,
      round: plan.round,
      requests: result.requests,
      requestsPerSecond: result.requestsPerSecond,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      cpuMsPerRequest: ((processAfter.cpuSeconds - processBefore.cpuSeconds) * 1000) / Math.max(1, result.requests),
      databaseCpuMsPerRequest: ((databaseAfter - databaseBefore) * 1000) / Math.max(1, result.requests),
      peakRssMiB: processAfter.peakRssBytes / 1024 / 1024,
      statements: histogramBefore && histogramAfter ? statementsBetween(histogramBefore, histogramAfter) : null,
      errors: result.errors,
      firstError: result.firstError,
      ...(result.timings && { timings: result.timings }),
    };
  } finally {
    await server.stop();
  }
}
