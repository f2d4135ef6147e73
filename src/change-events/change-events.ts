import cluster from 'node:cluster';
import type { DataSource } from 'typeorm';
import { relayedEventTarget } from '../cluster/relayed-change-events';
import type { Logger } from '../common/logger';
import type { RedisConnection } from '../redis/redis-connection';
import { publishAfterCommit } from './after-commit';
import { latestOnly } from './latest-only';
import { inProcessEventTarget, redisEventTarget, type ChangeEvent } from './event-target';
import { shareCaches } from './shared-caches';

export interface PersonChangedEvent {
  personId: number;
  deleted: boolean;
}

export interface SkillsCreatedEvent {
  slugs: string[];
}

export interface ChangeEvents {
  /**
   * One person's news, for one subscriber, until `return()`. A subscriber that falls behind gets
   * the latest news only (each makes it read the profile afresh, so nothing is lost by skipping),
   * and a stalled client holds one event, not an ever-growing queue.
   */
  personChanges(personId: number): AsyncIterableIterator<PersonChangedEvent>;
  /** Stops publishing this server's commits (the DataSource may outlive the server, as in tests). */
  close(): void;
}

const personTopic = (personId: number) => `personChanged:${personId}`;
export const skillsCreatedTopic = 'skillsCreated';

function isPersonChanged(detail: unknown): detail is PersonChangedEvent {
  return typeof detail === 'object' && detail !== null && typeof Reflect.get(detail, 'personId') === 'number';
}

/**
 * What committed writes tell the rest of the service: through Redis pub/sub to every instance
 * (and so every worker) when REDIS_URL is set; else to every worker of WEB_CONCURRENCY through
 * the cluster's primary, or within the one process.
 */
export function createChangeEvents(db: DataSource, redis: RedisConnection | null, logger: Logger): ChangeEvents {
  const target = redis ? redisEventTarget(redis, logger) : cluster.isWorker ? relayedEventTarget() : inProcessEventTarget();
  const stopPublishing = publishAfterCommit(db, (changes) => {
    for (const [personId, { deleted }] of changes.people) {
      target.dispatchEvent(new CustomEvent(personTopic(personId), { detail: { personId, deleted } satisfies PersonChangedEvent }));
    }
    if (changes.createdSkillSlugs.size) {
      target.dispatchEvent(
        new CustomEvent(skillsCreatedTopic, { detail: { slugs: [...changes.createdSkillSlugs] } satisfies SkillsCreatedEvent }),
      );
    }
  });
  const caches = shareCaches(db, target, redis ? () => redis.isListening() : () => true);
  redis?.onResubscribed(() => caches.resubscribed());

  return {
    personChanges: (personId) =>
      latestOnly<PersonChangedEvent>((push) => {
        const listener = (event: ChangeEvent) => {
          if (isPersonChanged(event.detail)) push(event.detail);
        };
        target.addEventListener(personTopic(personId), listener);
        return () => target.removeEventListener(personTopic(personId), listener);
      }),
    close: stopPublishing,
  };
}
