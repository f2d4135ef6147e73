import type { Logger } from '../common/logger';
import type { RedisConnection } from '../redis/redis-connection';

/** An event that every instance hears: a topic (its type) and a JSON-serialisable detail. */
export type ChangeEvent = CustomEvent<unknown>;
export type ChangeListener = (event: ChangeEvent) => void;

/** The part of EventTarget the change events use, with the one kind of event they carry. */
export interface ChangeEventTarget {
  addEventListener(type: string, listener: ChangeListener): void;
  removeEventListener(type: string, listener: ChangeListener): void;
  dispatchEvent(event: ChangeEvent): void;
}

// Channels of this service in a Redis that others may share.
const channelPrefix = 'profilegraph:';

/** Without Redis: one process, so a plain EventTarget is everyone. */
export function inProcessEventTarget(): ChangeEventTarget {
  const target = new EventTarget();
  return {
    addEventListener: (type, listener) => target.addEventListener(type, listener as (event: Event) => void),
    removeEventListener: (type, listener) => target.removeEventListener(type, listener as (event: Event) => void),
    dispatchEvent: (event) => void target.dispatchEvent(event),
  };
}

/**
 * Events that reach every instance through Redis pub/sub: one Redis channel per topic that this
 * instance listens to. Written here rather than taken from @graphql-yoga/redis-event-target, whose
 * publish and subscribe calls leave their promises unhandled: with Redis down, each would be an
 * unhandled rejection, which ends a Node 20 process. Here, while Redis cannot take a message, it
 * is delivered in this process alone (the instance's own subscribers still hear its writes; other
 * instances miss it, and their caches are bypassed meanwhile, see shared-caches.ts).
 */
export function redisEventTarget(redis: RedisConnection, logger: Logger): ChangeEventTarget {
  const local = inProcessEventTarget();
  const listenersByTopic = new Map<string, Set<ChangeListener>>();

  redis.subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    let detail: unknown;
    try {
      detail = JSON.parse(message);
    } catch {
      return;
    }
    local.dispatchEvent(new CustomEvent(channel.slice(channelPrefix.length), { detail }));
  });

  const deliverLocally = (event: ChangeEvent) => local.dispatchEvent(new CustomEvent(event.type, { detail: event.detail }));

  return {
    addEventListener(type, listener) {
      let listeners = listenersByTopic.get(type);
      if (!listeners) {
        listenersByTopic.set(type, (listeners = new Set()));
        redis.subscriber
          .subscribe(channelPrefix + type)
          .catch((error: unknown) => logger.warn({ err: error, topic: type }, 'Could not subscribe'));
      }
      listeners.add(listener);
      local.addEventListener(type, listener);
    },
    removeEventListener(type, listener) {
      const listeners = listenersByTopic.get(type);
      if (!listeners?.delete(listener)) return;
      local.removeEventListener(type, listener);
      if (listeners.size) return;
      listenersByTopic.delete(type);
      redis.subscriber.unsubscribe(channelPrefix + type).catch(() => {});
    },
    dispatchEvent(event) {
      if (!redis.isUp()) return deliverLocally(event);
      // Published, but this instance's own subscriber connection is down: it would not hear it.
      const deafHere = !redis.isListening();
      redis.commands.publish(channelPrefix + event.type, JSON.stringify(event.detail ?? null)).then(
        () => deafHere && deliverLocally(event),
        (error: unknown) => {
          logger.warn({ err: error, topic: event.type }, 'Could not publish through Redis; delivered in this instance only');
          deliverLocally(event);
        },
      );
    },
  };
}
