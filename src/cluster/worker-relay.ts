import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';

// The workers of WEB_CONCURRENCY have nothing in common but the primary process, which each
// reaches over the cluster's IPC channel: a worker sends a message on a topic, and the primary
// passes it on to every other worker. A message that must have reached the others before the
// sender goes on (a write position, before the writer gets its response) is confirmed: the
// primary answers once every other worker has confirmed it, or after relayTimeoutMs for a worker
// that does not answer (one that is starting or stopping must not hold up a write).

/** What workers tell each other: each topic has its own handler in each worker. */
export type RelayTopic = 'write-position' | 'change-event';

interface RelayedMessage {
  type: 'profilegraph:relay';
  topic: RelayTopic;
  id: string;
  payload: unknown;
  /** Whether the sender waits until every other worker has it. */
  confirm: boolean;
}

interface Confirmation {
  type: 'profilegraph:relay-confirmed';
  id: string;
}

const relayTimeoutMs = 250;

function isRelayed(message: unknown): message is RelayedMessage {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'profilegraph:relay';
}

function isConfirmation(message: unknown): message is Confirmation {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'profilegraph:relay-confirmed';
}

function confirmation(id: string): Confirmation {
  return { type: 'profilegraph:relay-confirmed', id };
}

const handlers = new Map<RelayTopic, (payload: unknown) => void>();
const awaitingConfirmation = new Map<string, () => void>();
let listeningToPrimary = false;

/** False when there is no primary to send to: not a worker, or one that has stopped (workerStopped). */
function sendToPrimary(message: RelayedMessage | Confirmation): boolean {
  if (!process.send || !process.connected) return false;
  process.send(message);
  return true;
}

function listenToPrimary(): void {
  if (listeningToPrimary) return;
  listeningToPrimary = true;
  process.on('message', (message: unknown) => {
    if (isRelayed(message)) {
      handlers.get(message.topic)?.(message.payload);
      if (message.confirm) sendToPrimary(confirmation(message.id));
    } else if (isConfirmation(message)) {
      awaitingConfirmation.get(message.id)?.();
    }
  });
}

/** In a worker: `handle` receives what the other workers relay on `topic` (one handler a topic). */
export function onRelayed(topic: RelayTopic, handle: (payload: unknown) => void): void {
  if (handlers.has(topic)) throw new Error(`Relayed ${topic} messages already have a handler in this worker`);
  handlers.set(topic, handle);
  listenToPrimary();
}

/** In a worker: passes `payload` (JSON-serialisable) to every other worker, without waiting. */
export function relayToOtherWorkers(topic: RelayTopic, payload: unknown): void {
  sendToPrimary({ type: 'profilegraph:relay', topic, id: randomUUID(), payload, confirm: false });
}

/** In a worker: passes `payload` to every other worker, and resolves once they have it (bounded). */
export function relayToOtherWorkersConfirmed(topic: RelayTopic, payload: unknown): Promise<void> {
  listenToPrimary();
  const id = randomUUID();
  return new Promise((done) => {
    const timer = setTimeout(finish, relayTimeoutMs * 2);
    function finish() {
      clearTimeout(timer);
      awaitingConfirmation.delete(id);
      done();
    }
    awaitingConfirmation.set(id, finish);
    if (!sendToPrimary({ type: 'profilegraph:relay', topic, id, payload, confirm: true })) finish();
  });
}

let relaying = false;

/** In the primary: passes each worker's messages on to the other workers, confirming those that ask. */
export function relayBetweenWorkers(): void {
  if (relaying) return;
  relaying = true;
  const waiting = new Map<string, () => void>();
  cluster.on('message', (from: Worker, message: unknown) => {
    if (isConfirmation(message)) {
      waiting.get(`${from.id}:${message.id}`)?.();
      return;
    }
    if (!isRelayed(message)) return;
    const others = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => !!worker && worker !== from && worker.isConnected(),
    );
    if (!message.confirm) {
      for (const worker of others) worker.send(message);
      return;
    }
    void Promise.all(
      others.map(
        (worker) =>
          new Promise<void>((done) => {
            const key = `${worker.id}:${message.id}`;
            const timer = setTimeout(finish, relayTimeoutMs);
            function finish() {
              clearTimeout(timer);
              waiting.delete(key);
              done();
            }
            waiting.set(key, finish);
            worker.send(message);
          }),
      ),
    ).then(() => {
      if (from.isConnected()) from.send(confirmation(message.id));
    });
  });
}
