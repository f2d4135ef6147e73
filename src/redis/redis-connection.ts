import { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '../common/logger';

/** How this instance sees Redis, for /readyz. */
export interface RedisState {
  state: 'up' | 'down';
  /** When it last changed. */
  since: string;
  lastError?: string;
}

export interface RedisConnection {
  /** For commands. Fails at once while Redis is away instead of queueing: callers fall back. */
  readonly commands: Redis;
  /** In subscriber mode (a connection of its own); resubscribes by itself after a reconnect. */
  readonly subscriber: Redis;
  isUp(): boolean;
  /** Whether this instance is hearing what others publish right now. */
  isListening(): boolean;
  /** Called each time the subscriber connection is back after a break (it may have missed messages). */
  onResubscribed(listener: () => void): void;
  state(): RedisState;
  close(): void;
}

// Reconnect soon after a break, then every 2 s at most, for ever: Redis coming back is noticed
// within that, with nobody restarting anything.
const retryStrategy = (attempt: number) => Math.min(100 * 2 ** attempt, 2000);

/**
 * Two connections to REDIS_URL (commands, and pub/sub, which Redis needs on a connection of its
 * own), neither of which stops the service when Redis is down at start-up or goes away later.
 * Outages are logged once when they begin and once when they end, not at every retry.
 */
export function connectRedis(url: string, options: { commandTimeoutMs: number }, logger: Logger, registry: Registry): RedisConnection {
  const common = { retryStrategy, connectTimeout: 2000, lazyConnect: false };
  const commands = new Redis(url, {
    ...common,
    // rate-limiter-flexible's advice, and what keeps requests quick during an outage: a command
    // issued while disconnected fails at once; one sent to a Redis that hangs fails after the timeout.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
  });
  // SUBSCRIBE waits in the offline queue for the connection, and ioredis subscribes again to every
  // channel after a reconnect.
  const subscriber = new Redis(url, { ...common, maxRetriesPerRequest: null, autoResubscribe: true });

  let current: RedisState = { state: 'down', since: new Date().toISOString() };
  let everUp = false;
  // Once per outage (and for a Redis that is not there at start-up), not at every retry.
  let warned = false;
  let closing = false;
  const resubscribed: (() => void)[] = [];
  let subscriberEverReady = false;

  const up = () => {
    warned = false;
    if (current.state === 'up') return;
    current = { state: 'up', since: new Date().toISOString() };
    if (!closing) logger.info(everUp ? 'Redis is back' : 'Connected to Redis');
    everUp = true;
  };
  const down = (error?: Error) => {
    if (current.state === 'up') current = { state: 'down', since: new Date().toISOString() };
    if (error) current.lastError = error.message;
    if (warned || closing) return;
    warned = true;
    logger.warn({ err: error }, 'Redis is unreachable: persisted queries miss, rate limits are per instance, shared caches are bypassed');
  };
  commands.on('ready', up);
  commands.on('error', (error: Error) => down(error));
  commands.on('close', () => down());
  // Errors on the subscriber mirror those of the commands connection; they are already logged.
  subscriber.on('error', () => {});
  subscriber.on('ready', () => {
    if (subscriberEverReady) for (const listener of resubscribed) listener();
    subscriberEverReady = true;
  });

  new Gauge({
    name: 'profilegraph_redis_up',
    help: 'Whether this instance reaches Redis (1) or not (0).',
    registers: [registry],
    collect() {
      this.set(current.state === 'up' ? 1 : 0);
    },
  });

  return {
    commands,
    subscriber,
    isUp: () => commands.status === 'ready',
    isListening: () => subscriber.status === 'ready',
    onResubscribed: (listener) => void resubscribed.push(listener),
    state: () => ({ ...current }),
    close() {
      closing = true;
      // Not QUIT: with Redis down, the subscriber's would wait in its offline queue for ever.
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
