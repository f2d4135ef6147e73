import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** What one committed transaction changed that other instances and live subscribers care about. */
export interface CommittedChanges {
  /** People whose profile changed (or, with `deleted`, is gone), by id. */
  people: Map<number, { deleted: boolean }>;
  /** Skills that did not exist before. */
  createdSkillSlugs: Set<string>;
}

// Kept on the transaction's QueryRunner (TypeORM's `data` is there "for sharing data with
// subscribers"): a rolled-back transaction takes its notes with it.
const dataKey = 'profilegraph.committedChanges';

function pending(manager: EntityManager): CommittedChanges | null {
  const runner: QueryRunner | undefined = manager.queryRunner;
  if (!runner) return null;
  let changes = runner.data[dataKey] as CommittedChanges | undefined;
  if (!changes) {
    changes = { people: new Map(), createdSkillSlugs: new Set() };
    runner.data[dataKey] = changes;
  }
  return changes;
}

/** Inside a write's transaction: once it commits, this person's subscribers and caches hear of it. */
export function notePersonChanged(manager: EntityManager, personId: number, change: 'updated' | 'deleted' = 'updated'): void {
  const changes = pending(manager);
  if (!changes) return;
  const deleted = change === 'deleted' || changes.people.get(personId)?.deleted === true;
  changes.people.set(personId, { deleted });
}

/** Inside a write's transaction: skills it created, which other instances may remember as unknown. */
export function noteSkillsCreated(manager: EntityManager, slugs: readonly string[]): void {
  const changes = pending(manager);
  if (!changes) return;
  for (const slug of slugs) changes.createdSkillSlugs.add(slug);
}

/**
 * Calls `publish` after each transaction of `db` that noted changes has committed (never before:
 * a subscriber reading the profile on hearing of it must find the new version). Returns the
 * function that stops it.
 */
export function publishAfterCommit(db: DataSource, publish: (changes: CommittedChanges) => void): () => void {
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit({ queryRunner }) {
      // A savepoint released inside a larger transaction is not a commit.
      if (queryRunner.isTransactionActive) return;
      const changes = queryRunner.data[dataKey] as CommittedChanges | undefined;
      if (!changes) return;
      delete queryRunner.data[dataKey];
      if (changes.people.size || changes.createdSkillSlugs.size) publish(changes);
    },
    afterTransactionRollback({ queryRunner }) {
      if (!queryRunner.isTransactionActive) delete queryRunner.data[dataKey];
    },
  };
  db.subscribers.push(subscriber);
  return () => {
    const index = db.subscribers.indexOf(subscriber);
    if (index >= 0) db.subscribers.splice(index, 1);
  };
}
