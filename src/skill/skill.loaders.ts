import type { DataSource } from 'typeorm';
import { createLoader, groupsByKey, limitedListLoader, loaderById, rowsByKey, skillsOfPeopleQuery } from '../common/batch';
import { toConnection, type Connection, type PageWindow } from '../common/connection';
import { isSqlText, type TimestampIdKey } from '../common/cursor';
import { queryJsonRows } from '../database/read-queries';
import type { Person } from '../person/person.entity';
import { peopleList } from '../person/person.order';
import type { Skill } from './skill.entity';

/** A skill as listed on one person's profile. */
export type ListedSkill = Skill & { personId: number };

/** A forward page of the people who list a skill. */
export interface PeopleOfSkillKey {
  skillId: number;
  window: PageWindow<TimestampIdKey>;
}

export function createSkillLoaders(db: DataSource) {
  const peopleCountBySkillId = createLoader<number, number>('peopleCountBySkillId', async (skillIds) => {
    const rows = await db.query<{ skillId: number; count: number }[]>(
      `SELECT "skillId", count(*)::int AS count FROM person_skill
       WHERE "skillId" = ANY($1::int[]) GROUP BY "skillId"`,
      [skillIds],
    );
    return rowsByKey(skillIds, rows, (row) => row.skillId).map((row) => row?.count ?? 0);
  });

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
        queryJsonRows(db, ...skillsOfPeopleQuery<Skill>(personIds, limit)),
      (skill) => skill.personId,
    ),

    peopleCountBySkillId,

    /** One query for every skill's page, each with its own size and cursor (newest people first). */
    peopleBySkillId: createLoader<PeopleOfSkillKey, Connection<Person>, string>(
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
            keys.map((key) => key.skillId),
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
        return keys.map((key, i) =>
          toConnection(pages[i] ?? [], key.window, peopleList, () => peopleCountBySkillId.load(key.skillId)),
        );
      },
      { cacheKeyFn: (key) => JSON.stringify([key.skillId, key.window]) },
    ),
  };
}

export type SkillLoaders = ReturnType<typeof createSkillLoaders>;
