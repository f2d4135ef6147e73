import type { ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { createChangeEvents, type ChangeEvents } from '../change-events/change-events';
import type { Logger } from '../common/logger';
import type { Config } from '../config';
import type { Context } from '../context';
import { createRateLimit, rateLimitPlugin, type RateLimit } from '../rate-limit/rate-limit';
import { sharedPersistedQueries } from './persisted-queries';
import { connectRedis, type RedisConnection, type RedisState } from './redis-connection';

/**
 * What instances share, through Redis when REDIS_URL is set; when not, within this process (and
 * between the workers of WEB_CONCURRENCY, through their primary: src/cluster/worker-relay.ts).
 */
export interface SharedServices {
  /** The connection, when REDIS_URL is set: for what other folders keep in Redis (write positions). */
  redis: RedisConnection | null;
  /** News of committed writes: live subscriptions and cache invalidation. */
  changes: ChangeEvents;
  rateLimit: RateLimit | null;
  /** ApolloServer options: persisted queries kept in Redis (Apollo's in-memory default otherwise). */
  apolloOptions: ReturnType<typeof sharedPersistedQueries> | Record<string, never>;
  /** Rate limiting, and closing the change events and Redis once the server has drained. */
  plugins: ApolloServerPlugin<Context>[];
  /** For /readyz: Redis's state, when it is configured. */
  readiness(): { redis?: RedisState };
}

export function createSharedServices(db: DataSource, config: Config, logger: Logger, registry: Registry): SharedServices {
  const redis = config.REDIS_URL
    ? connectRedis(config.REDIS_URL, { commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS }, logger, registry)
    : null;
  const rateLimit = createRateLimit(config, redis, logger, registry);
  const changes = createChangeEvents(db, redis, logger);
  const plugins: ApolloServerPlugin<Context>[] = rateLimit ? [rateLimitPlugin(rateLimit)] : [];
  plugins.push({
    async serverWillStart() {
      return {
        // After the drain: no request or subscription is left to publish to or to use Redis.
        async serverWillStop() {
          changes.close();
          redis?.close();
        },
      };
    },
  });
  return {
    redis,
    changes,
    rateLimit,
    apolloOptions: redis ? sharedPersistedQueries(redis, config.APQ_TTL_S) : {},
    plugins,
    // Redis down does not make the instance unready: it still answers, and every instance shares
    // the same Redis, so taking them all out of the load balancer would turn a degraded service
    // into none. It is reported here, and on /metrics as profilegraph_redis_up.
    // In production the error text (host names, addresses) stays in the logs.
    readiness: () => {
      if (!redis) return {};
      const { lastError, ...state } = redis.state();
      return { redis: config.NODE_ENV === 'production' || !lastError ? state : { ...state, lastError } };
    },
  };
}
