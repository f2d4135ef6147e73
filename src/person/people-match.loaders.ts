import type { DataSource } from 'typeorm';
import { createLoader } from '../common/batch';
import type { SkillCount } from '../skill/skill-count';
import type { Skill } from '../skill/skill.entity';
import { matchesEveryone, matchSql, whereClause, type PeopleMatch } from './people-match';

/** What a list of people tells about all of its people: how many, and their commonest skills. */
export type SummaryKey = { match: PeopleMatch; part: 'count' } | { match: PeopleMatch; part: 'facets'; first: number };

interface Summary {
  count: number;
  facets: SkillCount[];
}

interface SummaryRow {
  k: number;
  count: number | null;
  facets: { skill: Skill; count: number }[] | null;
}

/**
 * One UNION ALL arm for one list: what was asked of it, finding its people once. Everyone is
 * counted from the person table and faceted from the counts kept on skill; any other match,
 * when both are asked, is materialised once and counted and faceted from there.
 */
function summaryArm(k: number, match: PeopleMatch, count: boolean, facets: number, params: unknown[]): string {
  const limit = () => `$${params.push(facets)}::int`;
  // Ties between equally common skills: the newer skill first, the same order everywhere.
  const facetsJson = (counts: string) =>
    `(SELECT coalesce(json_agg(json_build_object('skill', row_to_json(s), 'count', f.count) ORDER BY f.count DESC, s.id DESC), '[]')
      FROM (${counts}) f JOIN skill s ON s.id = f."skillId")`;
  if (matchesEveryone(match)) {
    return `(SELECT ${k} AS k,
               ${count ? '(SELECT count(*)::int FROM person)' : 'NULL::int'} AS count,
               ${facets ? facetsJson(`SELECT id AS "skillId", "peopleCount" AS count FROM skill WHERE "peopleCount" > 0 ORDER BY "peopleCount" DESC, id DESC LIMIT ${limit()}`) : 'NULL::json'} AS facets)`;
  }
  if (!facets) {
    const { from, id, conditions } = matchSql(match, params);
    return `(SELECT ${k} AS k, count(*)::int AS count, NULL::json AS facets FROM (SELECT ${id} FROM ${from} ${whereClause(conditions)}) matched)`;
  }
  // Facets count the skill ids of the matched rows of the search table: no second look-up per person.
  const { from, id, skillIds, conditions } = matchSql(match, params, { searchTable: true });
  const people = `SELECT ${id} AS id, ${skillIds} AS "skillIds" FROM ${from} ${whereClause(conditions)}`;
  const topSkills = (rows: string) => `SELECT skill AS "skillId", count(*)::int AS count FROM (${rows}) m, unnest(m."skillIds") skill
      GROUP BY skill ORDER BY count DESC, skill DESC LIMIT ${limit()}`;
  if (count) {
    return `(WITH matched AS MATERIALIZED (${people})
             SELECT ${k} AS k, (SELECT count(*)::int FROM matched) AS count, ${facetsJson(topSkills('SELECT * FROM matched'))} AS facets)`;
  }
  return `(SELECT ${k} AS k, NULL::int AS count, ${facetsJson(topSkills(people))} AS facets)`;
}

export function createPeopleMatchLoaders(db: DataSource) {
  return {
    /**
     * totalCount and skillFacets of every list in a request, in one statement; a list whose count
     * and facets are both selected finds its people once.
     */
    peopleSummaryByMatch: createLoader<SummaryKey, Summary, string>(
      'peopleSummaryByMatch',
      async (keys) => {
        const lists = new Map<string, { k: number; match: PeopleMatch; count: boolean; facets: number }>();
        for (const key of keys) {
          const matchKey = JSON.stringify(key.match);
          const list = lists.get(matchKey) ?? { k: lists.size, match: key.match, count: false, facets: 0 };
          if (key.part === 'count') list.count = true;
          else list.facets = Math.max(list.facets, key.first);
          lists.set(matchKey, list);
        }
        const params: unknown[] = [];
        const arms = [...lists.values()].map((list) => summaryArm(list.k, list.match, list.count, list.facets, params));
        const rows = await db.query<SummaryRow[]>(arms.join(' UNION ALL '), params);
        const byK = new Map(rows.map((row) => [row.k, row]));
        return keys.map((key) => {
          const row = byK.get(lists.get(JSON.stringify(key.match))?.k ?? -1);
          const facets = row?.facets ?? [];
          return { count: row?.count ?? 0, facets: key.part === 'facets' ? facets.slice(0, key.first) : facets };
        });
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
