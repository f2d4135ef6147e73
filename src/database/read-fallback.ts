import type { DataSource } from 'typeorm';

/**
 * Where the reads meant for a DataSource go when it cannot answer. A read replica registers one
 * (src/replicas): while it is out its reads go to the primary, and a statement that fails because
 * it went away runs again there, so that no request fails for it. A DataSource without one (the
 * primary, every DataSource when no replica is configured) is used as it is.
 */
export interface ReadFallback {
  /** The DataSource to read from right now: the one asked for, or the primary while it is out. */
  target(): DataSource;
  /** After a statement failed with `error` on the DataSource asked for: where to run it again, if anywhere. */
  after(error: unknown): DataSource | undefined;
}

const fallbacks = new WeakMap<DataSource, ReadFallback>();

export function setReadFallback(db: DataSource, fallback: ReadFallback): void {
  fallbacks.set(db, fallback);
}

/** Runs a read on `db`, or where its fallback sends it. Only reads belong here: a write is never run twice. */
export async function withReadFallback<T>(db: DataSource, read: (db: DataSource) => Promise<T>): Promise<T> {
  const fallback = fallbacks.get(db);
  if (!fallback) return read(db);
  const target = fallback.target();
  try {
    return await read(target);
  } catch (error) {
    const again = target === db ? fallback.after(error) : undefined;
    if (!again) throw error;
    return read(again);
  }
}
