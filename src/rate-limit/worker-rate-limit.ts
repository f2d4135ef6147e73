import { RateLimiterCluster, RateLimiterClusterMaster } from 'rate-limiter-flexible';
import type { Config } from '../config';

// The workers of WEB_CONCURRENCY serve one port, so a client's requests reach all of them: without
// Redis they must still share one count, or the limit would be N × RATE_LIMIT_POINTS. rate-limiter-
// flexible does that over the cluster's IPC channel: RateLimiterClusterMaster in the primary keeps
// the counts (in memory, per key prefix), and each worker's RateLimiterCluster asks it. With Redis,
// RateLimiterRedis shares the count between instances, and so between workers, by itself.

// The primary answers in well under a millisecond; past this, the operation is let through
// (rate-limit.ts logs it) rather than held up by a rate limiter.
const primaryAnswerMs = 1000;

/** In a worker without Redis: a limiter whose counts the primary keeps for every worker. */
export function workerRateLimiter(options: { points: number; duration: number; keyPrefix: string }): RateLimiterCluster {
  return new RateLimiterCluster({ ...options, timeoutMs: primaryAnswerMs });
}

/** In the primary, before the workers start: keeps their shared counts when they need it (no Redis). */
export function countRateLimitsForWorkers(config: Config): void {
  // A singleton in rate-limiter-flexible: it registers its own IPC listener and keeps it.
  if (config.RATE_LIMIT_POINTS !== undefined && !config.REDIS_URL) new RateLimiterClusterMaster();
}
