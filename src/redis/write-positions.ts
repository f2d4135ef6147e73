import { latestLsn } from '../replicas/lsn';
import { InProcessWritePositions, writePositionTtlMs, type WritePositions } from '../replicas/write-positions';
import type { RedisConnection } from './redis-connection';

const keyPrefix = 'profilegraph:write-position:';

// Keeps the later of the stored and the given position in one step: two instances may report two
// writes of one account out of order. Positions are stored at a fixed width, so that Lua's string
// comparison is their order.
const rememberLater = `
local known = redis.call('GET', KEYS[1])
if (not known) or known < ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1`;

function fixedWidth(lsn: string): string {
  const [high = '', low = ''] = lsn.toUpperCase().split('/');
  return `${high.padStart(8, '0')}/${low.padStart(8, '0')}`;
}

/**
 * Each account's latest write position in Redis, seen by every instance (read-your-writes on any
 * of them). This instance also keeps the positions of the writes it took, so that they hold here
 * through a Redis outage; while Redis is away, `get` rejects for everyone else, and the account's
 * reads go to the primary rather than to a replica that may not have its write.
 */
export function redisWritePositions(redis: RedisConnection): WritePositions {
  const own = new InProcessWritePositions();
  return {
    async get(account) {
      const local = await own.get(account);
      if (!redis.isUp()) throw new Error('Redis is unreachable: write positions are unknown');
      const shared = await redis.commands.get(keyPrefix + account);
      return latestLsn(local, shared ?? undefined);
    },
    async remember(account, lsn) {
      await own.remember(account, lsn);
      if (!redis.isUp()) return;
      try {
        await redis.commands.eval(rememberLater, 1, keyPrefix + account, fixedWidth(lsn), String(writePositionTtlMs));
      } catch {
        // Redis went away in between (the connection logs outages): this instance still knows the
        // position, and the others send this account's reads to the primary until Redis is back.
      }
    },
  };
}
