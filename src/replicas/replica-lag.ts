import { lsnReached } from './lsn';

// How far behind the primary a replica is, in time, without comparing two machines' clocks and
// without mistaking an idle primary for a lagging replica (now() - pg_last_xact_replay_timestamp()
// grows while nothing is written). Every check samples the primary's WAL position; a replica that
// has replayed the position the primary had at time t has everything written before t, so its lag
// is at most now - t. Measured to the check interval's resolution, erring on the late side.

interface Sample {
  at: number;
  lsn: string;
}

export class ReplicaLag {
  private readonly samples: Sample[] = [];

  /** `keepMs`: how far back samples go; a replica further behind reads as lagging by at least that. */
  constructor(private readonly keepMs: number) {}

  /** Records the primary's WAL position now. */
  sample(lsn: string, at = Date.now()): void {
    this.samples.push({ at, lsn });
    while (this.samples.length > 1 && (this.samples[0]?.at ?? at) < at - this.keepMs) this.samples.shift();
  }

  get hasSamples(): boolean {
    return this.samples.length > 0;
  }

  /** Milliseconds behind the primary of a replica that has replayed up to `replayed`. */
  lagMs(replayed: string, now = Date.now()): number {
    for (let i = this.samples.length - 1; i >= 0; i--) {
      const sample = this.samples[i];
      if (sample && lsnReached(replayed, sample.lsn)) return i === this.samples.length - 1 ? 0 : now - sample.at;
    }
    return now - (this.samples[0]?.at ?? now);
  }
}
