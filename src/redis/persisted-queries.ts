import type { ApolloServerOptions } from '@apollo/server';
import { ErrorsAreMissesCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Context } from '../context';
import type { RedisConnection } from './redis-connection';

const keyPrefix = 'profilegraph:';

/**
 * Apollo's KeyValueCache over the service's Redis connection. Apollo documents KeyvAdapter + Keyv
 * + @keyv/redis for this, but @keyv/redis brings node-redis, a second Redis client beside the
 * ioredis the rest of the service uses; the interface is three methods, so it is implemented here
 * on the one client. While Redis is away, get misses and set does nothing: a cache, not a store.
 */
class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly redis: RedisConnection) {}

  async get(key: string): Promise<string | undefined> {
    if (!this.redis.isUp()) return undefined;
    return (await this.redis.commands.get(keyPrefix + key)) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (!this.redis.isUp()) return;
    if (options?.ttl) await this.redis.commands.set(keyPrefix + key, value, 'EX', Math.ceil(options.ttl));
    else await this.redis.commands.set(keyPrefix + key, value);
  }

  async delete(key: string): Promise<boolean> {
    if (!this.redis.isUp()) return false;
    return (await this.redis.commands.del(keyPrefix + key)) > 0;
  }
}

/**
 * Automatic persisted queries shared by every instance: a hash registered through one is found by
 * the others. A Redis error is a miss (Apollo's ErrorsAreMissesCache): the client gets
 * PERSISTED_QUERY_NOT_FOUND and sends the query text again, as it would after an expiry.
 */
export function sharedPersistedQueries(redis: RedisConnection, ttlSeconds: number): Pick<ApolloServerOptions<Context>, 'persistedQueries'> {
  return { persistedQueries: { cache: new ErrorsAreMissesCache(new RedisKeyValueCache(redis)), ttl: ttlSeconds } };
}
