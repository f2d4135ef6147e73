import type { DataSource } from 'typeorm';

// A read replica is its primary's database, a little behind. What never changes once written
// (skill ids) can be cached once for both, but what is not there yet must be asked of the primary:
// a replica that has not replayed a new skill would have the cache call it unknown.
const primaries = new WeakMap<DataSource, DataSource>();

export function registerReplica(replica: DataSource, primary: DataSource): void {
  primaries.set(replica, primary);
}

/** The primary a replica follows; any other DataSource is its own. */
export function primaryOf(db: DataSource): DataSource {
  return primaries.get(db) ?? db;
}
