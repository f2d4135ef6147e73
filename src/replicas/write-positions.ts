import { latestLsn } from './lsn';

/**
 * The WAL position of each account's latest committed write, so that the account's next reads
 * wait for a replica that has replayed it (or go to the primary). Keys are accounts (a token's
 * subject), values pg_lsn text ("16/B374D848").
 *
 * Asynchronous so that an implementation can live outside the process: every instance of the
 * service must know an account's position, whichever instance took the write. In one process the
 * in-process map below does; across the workers of one machine (WEB_CONCURRENCY) src/cluster
 * relays it; across machines a shared store (Redis) must. An implementation:
 * - `remember` keeps the later of the stored and the given position (two writes of one account on
 *   two instances may report out of order), for at least `writePositionTtlMs`, and resolves only
 *   once every instance can see it (the writer's response is sent after it resolves);
 * - `get` resolves to undefined for an account it knows nothing of (or has forgotten), and rejects
 *   when it cannot tell (its store is unreachable): that account's reads then go to the primary.
 */
export interface WritePositions {
  get(account: string): Promise<string | undefined>;
  remember(account: string, lsn: string): Promise<void>;
}

/**
 * How long a position is kept. Far beyond any lag a replica may have and still get reads
 * (DATABASE_REPLICA_MAX_LAG_MS), so that when it lapses every replica in use has replayed it.
 */
export const writePositionTtlMs = 60_000;

// Accounts are as many as there are writers: bound the memory all the same.
const maxAccounts = 100_000;

/** Positions kept in this process: enough for one process. */
export class InProcessWritePositions implements WritePositions {
  private readonly positions = new Map<string, { lsn: string; expires: number }>();

  get(account: string): Promise<string | undefined> {
    const entry = this.positions.get(account);
    if (entry && entry.expires <= Date.now()) this.positions.delete(account);
    return Promise.resolve(entry && entry.expires > Date.now() ? entry.lsn : undefined);
  }

  remember(account: string, lsn: string): Promise<void> {
    this.keep(account, lsn);
    return Promise.resolve();
  }

  /** Stores the later of the known and the given position (synchronously, for relays). */
  keep(account: string, lsn: string): void {
    const known = this.positions.get(account);
    const later = known && known.expires > Date.now() ? latestLsn(known.lsn, lsn) : lsn;
    // Deleting first moves the account to the end: the map's order is then oldest write first.
    this.positions.delete(account);
    this.positions.set(account, { lsn: later ?? lsn, expires: Date.now() + writePositionTtlMs });
    if (this.positions.size > maxAccounts) {
      const oldest = this.positions.keys().next();
      if (!oldest.done) this.positions.delete(oldest.value);
    }
  }
}
