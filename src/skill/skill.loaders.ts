import type { DataSource } from 'typeorm';
import { createLoader, groupsByKey, limitedListLoader, loaderById, rowsByKey, skillsOfPeopleQuery } from '../common/batch';
import { toConnection, type PageWindow } from '../common/connection';
import type { TimestampIdKey } from '../common/cursor';
import { queryJsonRows } from '../database/read-queries';
import { peopleWithSkill } from '../person/people-match';
import { withMatch, type PeopleConnection } from '../person/person.connection';
import { peoplePageSql } from '../person/people-page';
import { peopleList, resolvePeopleOrder, type ListedPerson } from '../person/person.order';
import type { Skill } from './skill.entity';

/** A forward page of the people who list a skill. */
export interface PeopleOfSkillKey {
  skill: Pick<Skill, 'id' | 'peopleCount'>;
  window: PageWindow<TimestampIdKey>;
}

export function createSkillLoaders(db: DataSource) {
  return {
    skillById: loaderById('skillById', (ids) => db.query<Skill[]>('SELECT * FROM skill WHERE id = ANY($1::int[])', [ids])),

    skillBySlug: createLoader<string, Skill | null>('skillBySlug', async (slugs) => {
      const rows = await db.query<Skill[]>('SELECT * FROM skill WHERE slug = ANY($1::text[])', [slugs]);
      return rowsByKey(slugs, rows, (row) => row.slug);
    }),

    /** In the order the person lists them. */
    skillsByPersonId: limitedListLoader(
      'skillsByPersonId',
      (personIds, limit) => queryJsonRows(db, ...skillsOfPeopleQuery<Skill>(personIds, limit)),
      (skill) => skill.personId,
    ),

    /** One statement for every skill's page, each with its own size and cursor (newest people first). */
    peopleBySkillId: createLoader<PeopleOfSkillKey, PeopleConnection, string>(
      'peopleBySkillId',
      async (keys) => {
        const order = resolvePeopleOrder(null, false, 'm');
        const params: unknown[] = [];
        const pages = keys.map(({ skill, window }) => peoplePageSql(peopleWithSkill(skill.id), order, window, params));
        const rows = await db.query<(ListedPerson & { keyIndex: number })[]>(
          `SELECT m.* FROM (${pages.map((page, i) => `SELECT ${i} AS "keyIndex", m.* FROM (${page.sql}) m`).join(' UNION ALL ')}) m
           ORDER BY m."keyIndex", ${pages[0]?.orderBy ?? 'm.id'}`,
          params,
        );
        const pageRows = groupsByKey(
          keys.map((_, i) => i),
          rows,
          (row) => row.keyIndex,
        );
        return keys.map(({ skill, window }, i) =>
          withMatch(
            toConnection(pageRows[i] ?? [], window, peopleList, () => Promise.resolve(skill.peopleCount)),
            peopleWithSkill(skill.id),
          ),
        );
      },
      { cacheKeyFn: (key) => JSON.stringify([key.skill.id, key.window]) },
    ),
  };
}

export type SkillLoaders = ReturnType<typeof createSkillLoaders>;
