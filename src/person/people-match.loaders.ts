import type { DataSource } from 'typeorm';
import { createLoader } from '../common/batch';
import type { SkillCount } from '../skill/skill-count';
import type { Skill } from '../skill/skill.entity';
import { matchesEveryone, matchSql, whereClause, type PeopleMatch } from './people-match';
import { estimatePastSampleMatches, maxStandardError, sampleShare } from './people-estimate';

/** What a list of people tells about all of its people: how many, and their commonest skills. */
export type SummaryKey = { match: PeopleMatch; part: 'count' } | { match: PeopleMatch; part: 'facets'; first: number };

export interface Summary {
  count: number;
  /** False when the list holds more than `exactUpTo` people and count and facets are estimates. */
  isExact: boolean;
  facets: SkillCount[];
}

interface SummaryRow {
  k: number;
  count: number | null;
  exact: boolean | null;
  facets: { skill: Skill; count: number }[] | null;
}

/**
 * One UNION ALL arm for one list: what was asked of it, finding its people once. Everyone is
 * counted from the person table and faceted from the counts kept on skill, exactly. Any other
 * match is first found in the sample: if few enough of its people are there, the whole match is
 * read and counted and faceted exactly; otherwise the sample's are, scaled up. CTEs are read
 * lazily, so a broad list never reads its whole match and a narrow one reads the sample only to
 * count it.
 */
function summaryArm(k: number, match: PeopleMatch, count: boolean, facets: number, params: unknown[]): string {
  const limit = () => `$${params.push(facets)}::int`;
  // Ties between equally common skills: the newer skill first, the same order everywhere.
  const facetsJson = (counts: string) =>
    `(SELECT coalesce(json_agg(json_build_object('skill', row_to_json(s), 'count', f.count) ORDER BY f.count DESC, s.id DESC), '[]')
      FROM (${counts}) f JOIN skill s ON s.id = f."skillId")`;
  if (matchesEveryone(match)) {
    return `(SELECT ${k} AS k, TRUE AS exact,
               ${count ? '(SELECT count(*)::int FROM person)' : 'NULL::int'} AS count,
               ${facets ? facetsJson(`SELECT id AS "skillId", "peopleCount" AS count FROM skill WHERE "peopleCount" > 0 ORDER BY "peopleCount" DESC, id DESC LIMIT ${limit()}`) : 'NULL::json'} AS facets)`;
  }
  // Facets count the skill ids of the matched rows of the search table: no second look-up per person.
  const rows = (sample: boolean) => {
    const { from, id, skillIds, conditions } = matchSql(match, params, { searchTable: facets > 0, sample });
    return `SELECT ${id} AS id${facets ? `, ${skillIds} AS "skillIds"` : ''} FROM ${from} ${whereClause(conditions)}`;
  };
  // unnest in the select list (one ProjectSet over all rows), not `FROM m, unnest(...)` (a function
  // scan, with its own tuple store, per row): the facets of 5,000 matches in 9 ms instead of 30.
  const skillCounts = (from: string) =>
    `SELECT skill, count(*)::int AS count FROM (SELECT unnest(m."skillIds") AS skill FROM ${from} m) u GROUP BY skill`;
  const topSkills = () =>
    `SELECT skill AS "skillId", count FROM (${skillCounts('matched')}) c ORDER BY count DESC, skill DESC LIMIT ${limit()}`;
  // Each skill's share of the sample scaled by its known share of everyone (a ratio estimator):
  // far more precise than one in eight alone for the popular skills that facets show.
  const estimatedSkills = () => `SELECT c.skill AS "skillId", c.count AS "inSample", k."samplePeopleCount" AS "ofSample",
        round(c.count * k."peopleCount"::float8 / greatest(k."samplePeopleCount", 1))::int AS count
      FROM (${skillCounts('sampled')}) c JOIN skill k ON k.id = c.skill ORDER BY 4 DESC, c.skill DESC LIMIT ${limit()}`;
  const sampledCount = '(SELECT count(*) FROM sampled)';
  // A facet's estimate is trusted only when its relative standard error, √((1 − f)(1 − p)/n) for
  // n of its people matched in the sample out of its people there, p = n / those, is within
  // maxStandardError: otherwise the list is counted exactly. Small databases thus stay exact.
  const facetsTrusted = `NOT EXISTS (SELECT 1 FROM estimated WHERE "inSample" * ${maxStandardError ** 2}
      < ${1 - 1 / sampleShare} * (1 - "inSample"::float8 / greatest("ofSample", 1)))`;
  const exact = `(${sampledCount} <= ${estimatePastSampleMatches}${facets ? ` OR NOT ${facetsTrusted}` : ''})`;
  return `(WITH sampled AS MATERIALIZED (${rows(true)}), matched AS MATERIALIZED (${rows(false)})
             ${facets ? `, estimated AS MATERIALIZED (${estimatedSkills()})` : ''}
           SELECT ${k} AS k, ${exact} AS exact,
             ${count ? `CASE WHEN ${exact} THEN (SELECT count(*)::int FROM matched) ELSE (${sampledCount} * ${sampleShare})::int END` : 'NULL::int'} AS count,
             ${facets ? `CASE WHEN ${exact} THEN ${facetsJson(topSkills())} ELSE ${facetsJson('SELECT "skillId", count FROM estimated')} END` : 'NULL::json'} AS facets)`;
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
          const isExact = row?.exact ?? true;
          const counted = facets.map((facet) => ({ ...facet, isExact }));
          return { count: row?.count ?? 0, isExact, facets: key.part === 'facets' ? counted.slice(0, key.first) : counted };
        });
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
