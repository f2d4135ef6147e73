import type { DataSource } from 'typeorm';
import { createLoader, groupsByKey, limitedListLoader, loaderById, rowsByKey } from '../common/batch';
import { toConnection, type PageWindow } from '../common/connection';
import { isSqlText, type TimestampIdKey } from '../common/cursor';
import type { Person } from '../person/person.entity';
import { peopleWithSkill } from '../person/people-match';
import { withMatch, type PeopleConnection } from '../person/person.connection';
import { peopleList } from '../person/person.order';
import type { Skill } from './skill.entity';

/** A skill as listed on one person's profile. */
export type ListedSkill = Skill & { personId: number };

/** A forward page of the people who list a skill. */
export interface PeopleOfSkillKey {
  skill: Pick<Skill, 'id' | 'slug' | 'peopleCount'>;
  window: PageWindow<TimestampIdKey>;
}

export function createSkillLoaders(db: DataSource) {
  return {
    skillById: loaderById('skillById', (ids) => db.query<Skill[]>('SELECT * FROM skill WHERE id = ANY($1::int[])', [ids])),

    skillBySlug: createLoader<string, Skill | null>('skillBySlug', async (slugs) => {
      const rows = await db.query<Skill[]>('SELECT * FROM skill WHERE slug = ANY($1::text[])', [slugs.filter(isSqlText)]);
      return rowsByKey(slugs, rows, (row) => row.slug);
    }),

    /** In the order the person lists them. */
    skillsByPersonId: limitedListLoader(
      'skillsByPersonId',
      (personIds, limit) =>
        db.query<ListedSkill[]>(
          `SELECT ranked."personId", (ranked.s).* FROM (
             SELECT ps."personId", s, row_number() OVER (PARTITION BY ps."personId" ORDER BY ps.position) AS n
             FROM person_skill ps JOIN skill s ON s.id = ps."skillId"
             WHERE ps."personId" = ANY($1::int[])
           ) ranked
           WHERE $2::int IS NULL OR ranked.n <= $2::int
           ORDER BY ranked."personId", ranked.n`,
          [personIds, limit],
        ),
      (skill) => skill.personId,
    ),

    /** One query for every skill's page, each with its own size and cursor (newest people first). */
    peopleBySkillId: createLoader<PeopleOfSkillKey, PeopleConnection, string>(
      'peopleBySkillId',
      async (keys) => {
        const rows = await db.query<(Person & { keyIndex: number })[]>(
          `SELECT k."keyIndex"::int AS "keyIndex", (page.p).*
           FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::int[])
             WITH ORDINALITY AS k("skillId", "afterCreatedAt", "afterId", "rowLimit", "keyIndex")
           CROSS JOIN LATERAL (
             SELECT p FROM person_skill ps JOIN person p ON p.id = ps."personId"
             WHERE ps."skillId" = k."skillId"
               AND (k."afterId" IS NULL OR (p."createdAt", p.id) < (k."afterCreatedAt", k."afterId"))
             ORDER BY p."createdAt" DESC, p.id DESC
             LIMIT k."rowLimit"
           ) page
           ORDER BY k."keyIndex"`,
          [
            keys.map((key) => key.skill.id),
            keys.map((key) => key.window.after?.[0] ?? null),
            keys.map((key) => key.window.after?.[1] ?? null),
            keys.map((key) => key.window.size + 1),
          ],
        );
        const pages = groupsByKey(
          keys.map((_, i) => i + 1),
          rows,
          (row) => row.keyIndex,
        );
        return keys.map(({ skill, window }, i) =>
          withMatch(
            toConnection(pages[i] ?? [], window, peopleList, () => Promise.resolve(skill.peopleCount)),
            peopleWithSkill(skill.slug),
          ),
        );
      },
      { cacheKeyFn: (key) => JSON.stringify([key.skill.id, key.window]) },
    ),
  };
}

export type SkillLoaders = ReturnType<typeof createSkillLoaders>;
