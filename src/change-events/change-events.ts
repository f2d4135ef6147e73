import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { DataSource } from 'typeorm';
import type { Logger } from '../common/logger';
import type { RedisConnection } from '../redis/redis-connection';
import { publishAfterCommit } from './after-commit';
import { inProcessEventTarget, redisEventTarget } from './event-target';
import { shareCaches } from './shared-caches';

export interface PersonChangedEvent {
  personId: number;
  deleted: boolean;
}

export interface SkillsCreatedEvent {
  slugs: string[];
}

/** Topics, as createPubSub types them: `personChanged:<id>` carries one person's news. */
export type ChangeTopics = {
  personChanged: [personId: number, event: PersonChangedEvent];
  skillsCreated: [event: SkillsCreatedEvent];
};

export type ChangePubSub = PubSub<ChangeTopics>;

/**
 * What committed writes tell the rest of the service: through Redis pub/sub to every instance
 * when REDIS_URL is set, within the process otherwise.
 */
export function createChangeEvents(db: DataSource, redis: RedisConnection | null, logger: Logger): ChangePubSub {
  const eventTarget = redis ? redisEventTarget(redis, logger) : inProcessEventTarget();
  const pubSub = createPubSub<ChangeTopics>({ eventTarget });
  publishAfterCommit(db, (changes) => {
    for (const [personId, { deleted }] of changes.people) pubSub.publish('personChanged', personId, { personId, deleted });
    if (changes.createdSkillSlugs.size) pubSub.publish('skillsCreated', { slugs: [...changes.createdSkillSlugs] });
  });
  const caches = shareCaches(db, eventTarget, redis ? () => redis.isListening() : () => true);
  redis?.onResubscribed(() => caches.resubscribed());
  return pubSub;
}
