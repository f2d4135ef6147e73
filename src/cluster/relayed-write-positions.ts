import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { InProcessWritePositions, type WritePositions } from '../replicas/write-positions';

// The workers of WEB_CONCURRENCY share a port, so an account's next request may reach any of them:
// each keeps the positions in memory, and a worker that takes a write tells the others through the
// cluster's primary before the writer gets its response (the primary answers once every worker
// has the position, or after relayTimeoutMs for a worker that does not answer).

interface PositionMessage {
  type: 'profilegraph:write-position';
  id: string;
  account: string;
  lsn: string;
}

interface AckMessage {
  type: 'profilegraph:write-position-ack';
  id: string;
}

const relayTimeoutMs = 250;

function isPosition(message: unknown): message is PositionMessage {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'profilegraph:write-position';
}

function isAck(message: unknown): message is AckMessage {
  return typeof message === 'object' && message !== null && Reflect.get(message, 'type') === 'profilegraph:write-position-ack';
}

function ack(id: string): AckMessage {
  return { type: 'profilegraph:write-position-ack', id };
}

let workerPositions: WritePositions | undefined;

/** In a worker: positions kept here and relayed to the other workers (one set per process). */
export function relayedWritePositions(): WritePositions {
  if (workerPositions) return workerPositions;
  const local = new InProcessWritePositions();
  const waiting = new Map<string, () => void>();
  process.on('message', (message: unknown) => {
    if (isPosition(message)) {
      local.keep(message.account, message.lsn);
      process.send?.(ack(message.id));
    } else if (isAck(message)) {
      waiting.get(message.id)?.();
    }
  });
  workerPositions = {
    get: (account) => local.get(account),
    async remember(account, lsn) {
      local.keep(account, lsn);
      if (!process.send) return;
      const id = randomUUID();
      await new Promise<void>((done) => {
        const timer = setTimeout(finish, relayTimeoutMs * 2);
        function finish() {
          clearTimeout(timer);
          waiting.delete(id);
          done();
        }
        waiting.set(id, finish);
        process.send?.({ type: 'profilegraph:write-position', id, account, lsn } satisfies PositionMessage);
      });
    },
  };
  return workerPositions;
}

/** In the primary: passes each worker's write positions to the others, and confirms once they have them. */
export function relayWritePositions(): void {
  const waiting = new Map<string, () => void>();
  cluster.on('message', (from: Worker, message: unknown) => {
    if (isAck(message)) {
      waiting.get(`${from.id}:${message.id}`)?.();
      return;
    }
    if (!isPosition(message)) return;
    const others = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => !!worker && worker !== from && worker.isConnected(),
    );
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
      if (from.isConnected()) from.send(ack(message.id));
    });
  });
}
