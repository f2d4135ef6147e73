import { InProcessWritePositions, type WritePositions } from '../replicas/write-positions';
import { onRelayed, relayToOtherWorkersConfirmed } from './worker-relay';

// The workers of WEB_CONCURRENCY share a port, so an account's next request may reach any of them:
// each keeps the positions in memory, and a worker that takes a write tells the others through the
// cluster's primary before the writer gets its response (worker-relay.ts: confirmed, bounded).

interface Position {
  account: string;
  lsn: string;
}

function isPosition(payload: unknown): payload is Position {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof Reflect.get(payload, 'account') === 'string' &&
    typeof Reflect.get(payload, 'lsn') === 'string'
  );
}

let workerPositions: WritePositions | undefined;

/** In a worker: positions kept here and relayed to the other workers (one set per process). */
export function relayedWritePositions(): WritePositions {
  if (workerPositions) return workerPositions;
  const local = new InProcessWritePositions();
  onRelayed('write-position', (payload) => {
    if (isPosition(payload)) local.keep(payload.account, payload.lsn);
  });
  workerPositions = {
    get: (account) => local.get(account),
    async remember(account, lsn) {
      local.keep(account, lsn);
      await relayToOtherWorkersConfirmed('write-position', { account, lsn } satisfies Position);
    },
  };
  return workerPositions;
}
