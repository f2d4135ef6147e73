import type { DataSource } from 'typeorm';
import { createLoader, groupsByKey, rowsByKey } from '../common/batch';
import type { SkillCount } from '../skill/skill-count';
import type { Skill } from '../skill/skill.entity';
import { matchesEveryone, matchSql, whereClause, type PeopleMatch } from './people-match';

export interface FacetsKey {
  match: PeopleMatch;
  first: number;
}

// Each loader answers every list a request holds (people, aliases, each skill's people) in one
// statement: one UNION ALL arm per list, tagged with its key's index.

export function createPeopleMatchLoaders(db: DataSource) {
  return {
    peopleCountByMatch: createLoader<PeopleMatch, number, string>(
      'peopleCountByMatch',
      async (matches) => {
        const params: unknown[] = [];
        const arms = matches.map((match, i) => {
          const { from, conditions } = matchSql(match, params);
          return `SELECT ${i} AS k, count(*)::int AS count FROM ${from} ${whereClause(conditions)}`;
        });
        const rows = await db.query<{ k: number; count: number }[]>(arms.join(' UNION ALL '), params);
        return rowsByKey(matches.map((_, i) => i), rows, (row) => row.k).map((row) => row?.count ?? 0);
      },
      { cacheKeyFn: (match) => JSON.stringify(match) },
    ),

    /** The most common skills among the people a list matches, most common first (ties: newest skill). */
    skillFacetsByMatch: createLoader<FacetsKey, SkillCount[], string>(
      'skillFacetsByMatch',
      async (keys) => {
        const params: unknown[] = [];
        const arms = keys.map(({ match, first }, i) => {
          const limit = `$${params.push(first)}::int`;
          // Everyone: the counts kept on skill, read from its popularity index.
          if (matchesEveryone(match)) {
            return `(SELECT ${i} AS k, id AS "skillId", "peopleCount" AS count FROM skill
                     WHERE "peopleCount" > 0 ORDER BY "peopleCount" DESC, id DESC LIMIT ${limit})`;
          }
          const { from, conditions } = matchSql(match, params);
          return `(SELECT ${i} AS k, l."skillId", count(*)::int AS count FROM person_skill l
                   WHERE l."personId" IN (SELECT p.id FROM ${from} ${whereClause(conditions)})
                   GROUP BY l."skillId" ORDER BY count DESC, l."skillId" DESC LIMIT ${limit})`;
        });
        const rows = await db.query<(Skill & { k: number; facetCount: number })[]>(
          `SELECT f.k, f.count AS "facetCount", s.*
           FROM (${arms.join(' UNION ALL ')}) f JOIN skill s ON s.id = f."skillId"
           ORDER BY f.k, f.count DESC, s.id DESC`,
          params,
        );
        return groupsByKey(keys.map((_, i) => i), rows, (row) => row.k).map((group) =>
          group.map(({ k: _k, facetCount, ...skill }) => ({ skill, count: facetCount })),
        );
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
