import type { TypedEventListenerOrEventListenerObject, TypedEventTarget } from '@graphql-yoga/typed-event-target';
import type { Logger } from '../common/logger';
import type { RedisConnection } from '../redis/redis-connection';

/** An event that every instance hears: a topic and a JSON-serialisable detail. */
export type ChangeEvent = CustomEvent<unknown>;
export type ChangeEventTarget = TypedEventTarget<ChangeEvent>;

// Channels of this service in a Redis that others may share.
const channelPrefix = 'profilegraph:';

type Listener = (event: ChangeEvent) => void;

// The TypedEventTarget methods are generic in the event type; every event here is a ChangeEvent.
function asListener<E extends ChangeEvent>(callback: TypedEventListenerOrEventListenerObject<E> | null): Listener | null {
  if (!callback) return null;
  if (typeof callback === 'function') return callback as Listener;
  return (event) => callback.handleEvent(event as E);
}

/**
 * An EventTarget whose events reach every instance through Redis pub/sub (createPubSub's
 * `eventTarget`). Written here rather than taken from @graphql-yoga/redis-event-target, whose
 * publish and subscribe calls leave their promises unhandled: with Redis down, each would be an
 * unhandled rejection, which ends a Node 20 process. Here, while Redis cannot take a message, it
 * is delivered in this process alone (the instance's own subscribers still hear its writes; other
 * instances miss it, and their caches are bypassed meanwhile, see shared-caches.ts).
 */
export function redisEventTarget(redis: RedisConnection, logger: Logger): ChangeEventTarget {
  const local = new EventTarget() as ChangeEventTarget;
  const callbacks = new Map<string, Map<object, Listener>>();

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
    addEventListener(type, callback) {
      const listener = asListener(callback);
      if (!listener) return;
      let forType = callbacks.get(type);
      if (!forType) {
        callbacks.set(type, (forType = new Map<object, Listener>()));
        redis.subscriber
          .subscribe(channelPrefix + type)
          .catch((error: unknown) => logger.warn({ err: error, topic: type }, 'Could not subscribe'));
      }
      forType.set(callback as object, listener);
      local.addEventListener(type, listener);
    },
    removeEventListener(type, callback) {
      const forType = callbacks.get(type);
      const listener = callback && forType?.get(callback);
      if (!forType || !listener) return;
      local.removeEventListener(type, listener);
      forType.delete(callback);
      if (forType.size) return;
      callbacks.delete(type);
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
      return true;
    },
  };
}

/** Without Redis: one process, so a plain EventTarget is everyone. */
export function inProcessEventTarget(): ChangeEventTarget {
  return new EventTarget() as ChangeEventTarget;
}
