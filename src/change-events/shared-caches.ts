import type { DataSource } from 'typeorm';
import { skillIds } from '../skill/skill-ids';
import type { ChangeEventTarget } from './event-target';
import { skillsCreatedTopic, type SkillsCreatedEvent } from './change-events';

/**
 * The per-process caches that another instance's write can make stale, kept right through the
 * change events: today only the skill slug → id cache (its memory of unknown slugs), as the
 * person and facet counts are read from the database on every request. `listening` says whether
 * this instance hears other instances now; while it does not (Redis down) the caches are
 * bypassed, and once it hears again they start empty, since news may have been missed meanwhile.
 */
export function shareCaches(db: DataSource, events: ChangeEventTarget, listening: () => boolean): { resubscribed(): void } {
  const skills = skillIds(db);
  skills.trusted = listening;
  events.addEventListener(skillsCreatedTopic, (event) => {
    const { slugs } = event.detail as SkillsCreatedEvent;
    if (Array.isArray(slugs)) skills.forget(slugs.filter((slug): slug is string => typeof slug === 'string'));
  });
  return { resubscribed: () => skills.forgetAll() };
}
