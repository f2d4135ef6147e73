import { inProcessEventTarget, type ChangeEventTarget } from '../change-events/event-target';
import { onRelayed, relayToOtherWorkers } from './worker-relay';

// Without Redis, the workers of WEB_CONCURRENCY still make one service: a subscriber on one
// worker must hear a write committed on another, and a skill created there must reach this
// worker's skill cache. Each event is delivered in the worker that dispatched it at once, and
// relayed to the others through the primary (worker-relay.ts), as Redis pub/sub would: without
// waiting, and in order (one IPC channel each way).

interface RelayedEvent {
  topic: string;
  detail: unknown;
}

function isRelayedEvent(payload: unknown): payload is RelayedEvent {
  return typeof payload === 'object' && payload !== null && typeof Reflect.get(payload, 'topic') === 'string';
}

let workerTarget: ChangeEventTarget | undefined;

/** In a worker without Redis: change events heard by every worker of this cluster (one target per process). */
export function relayedEventTarget(): ChangeEventTarget {
  if (workerTarget) return workerTarget;
  const local = inProcessEventTarget();
  onRelayed('change-event', (payload) => {
    if (isRelayedEvent(payload)) local.dispatchEvent(new CustomEvent(payload.topic, { detail: payload.detail }));
  });
  workerTarget = {
    addEventListener: (type, listener) => local.addEventListener(type, listener),
    removeEventListener: (type, listener) => local.removeEventListener(type, listener),
    dispatchEvent(event) {
      local.dispatchEvent(event);
      relayToOtherWorkers('change-event', { topic: event.type, detail: event.detail ?? null } satisfies RelayedEvent);
    },
  };
  return workerTarget;
}
