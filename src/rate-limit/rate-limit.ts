import cluster from 'node:cluster';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Counter, type Registry } from 'prom-client';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Viewer } from '../auth/viewer';
import type { Logger } from '../common/logger';
import { estimatedCost } from '../common/query-limits';
import { currentRequestScope } from '../common/request-scope';
import type { Config } from '../config';
import type { Context } from '../context';
import type { RedisConnection } from '../redis/redis-connection';
import { workerRateLimiter } from './worker-rate-limit';

export const rateLimitedCode = 'RATE_LIMITED';

export interface RateLimit {
  /** Takes `cost` points from the client's allowance; throws RATE_LIMITED when it has run out. */
  consume(viewer: Viewer | null, clientAddress: string | undefined, cost: number): Promise<void>;
}

/** Signed-in clients are counted by account (whatever their address), others by address. */
function clientKey(viewer: Viewer | null, clientAddress: string | undefined): string {
  return viewer ? `subject:${viewer.subject}` : `address:${clientAddress ?? 'unknown'}`;
}

function rateLimited(retryAfterMs: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(`Rate limit exceeded; try again in ${seconds} s`, {
    extensions: {
      code: rateLimitedCode,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
    },
  });
}

/**
 * RATE_LIMIT_POINTS per RATE_LIMIT_WINDOW_S for each client, an operation costing its estimated
 * cost (as MAX_QUERY_COST counts it, capped at the whole allowance so that any operation the cost
 * limit admits can run once per window). With Redis the count is shared by every instance and
 * every worker (rate-limiter-flexible's RateLimiterRedis); when Redis is down each process falls
 * back to its own count in memory (its insurance limiter, one per process, so per worker too):
 * neither open nor closed, but the limit applies per process until Redis is back. Without Redis,
 * the workers of WEB_CONCURRENCY share one count kept by their primary (worker-rate-limit.ts), and
 * separate instances each count for themselves.
 */
export function createRateLimit(config: Config, redis: RedisConnection | null, logger: Logger, registry: Registry): RateLimit | null {
  const points = config.RATE_LIMIT_POINTS;
  if (points === undefined) return null;
  const options = { points, duration: config.RATE_LIMIT_WINDOW_S, keyPrefix: 'profilegraph:rate-limit' };
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        ...options,
        storeClient: redis.commands,
        // Straight to the insurance limiter while disconnected, rather than after a failed command.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    : cluster.isWorker
      ? workerRateLimiter(options)
      : new RateLimiterMemory(options);
  const refused = new Counter({
    name: 'profilegraph_rate_limited_total',
    help: 'Operations refused with RATE_LIMITED.',
    registers: [registry],
  });

  return {
    async consume(viewer, clientAddress, cost) {
      try {
        await limiter.consume(clientKey(viewer, clientAddress), Math.min(Math.max(cost, 1), points));
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) {
          refused.inc();
          throw rateLimited(outcome.msBeforeNext);
        }
        // Both limiters failing is a bug, and a worker's primary not answering in time is not the
        // client's fault either: let the request through.
        logger.error({ err: outcome }, 'Rate limiter failed; operation let through');
      }
    },
  };
}

/** Charges each HTTP operation, once it is known what it costs (before it runs). */
export function rateLimitPlugin(rateLimit: RateLimit): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = estimatedCost(schema, document, request.operationName ?? undefined, request.variables ?? {});
          await rateLimit.consume(contextValue.viewer, currentRequestScope()?.clientAddress, cost ?? 1);
        },
      };
    },
  };
}
