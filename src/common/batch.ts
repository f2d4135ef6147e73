import DataLoader from 'dataloader';
import { currentRequestScope } from './request-scope';

// The one way to build a loader, and helpers for batch functions, which must answer every key,
// in key order.

/** A DataLoader that reports each batch (one SQL statement) to the request's metrics. */
export function createLoader<K, V, C = K>(
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  return new DataLoader<K, V, C>((keys) => {
    currentRequestScope()?.batches.push({ loader: name, keys: keys.length });
    return batch(keys);
  }, options);
}

/** One row per key, or null where there is none. */
export function rowsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const found = new Map<K, R>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}

/** All rows per key (in the order the rows came), or [] where there are none. */
export function groupsByKey<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}

/** Loads the one row with each id. */
export function loaderById<R extends { id: number }>(
  name: string,
  fetch: (ids: readonly number[]) => Promise<R[]>,
): DataLoader<number, R | null> {
  return createLoader(name, async (ids) => rowsByKey(ids, await fetch(ids), (row) => row.id));
}

/** A list under a parent, cut to at most `limit` items (null: all of them). */
export interface ListKey {
  parentId: number;
  limit: number | null;
}

/**
 * Loads each parent's list in one query however many parents and limits a request holds:
 * `fetch` returns, for every parent, its first `limit` rows in list order (all rows when null),
 * and each key is then cut to its own limit.
 */
export function limitedListLoader<R>(
  name: string,
  fetch: (parentIds: readonly number[], limit: number | null) => Promise<R[]>,
  parentIdOf: (row: R) => number,
): DataLoader<ListKey, R[], string> {
  return createLoader(
    name,
    async (keys) => {
      const parentIds = [...new Set(keys.map((key) => key.parentId))];
      const limits = keys.map((key) => key.limit);
      const widest = limits.includes(null) ? null : Math.max(...(limits as number[]));
      const lists = groupsByKey(parentIds, await fetch(parentIds, widest), parentIdOf);
      const listByParent = new Map(parentIds.map((id, i) => [id, lists[i] ?? []]));
      return keys.map(({ parentId, limit }) => {
        const list = listByParent.get(parentId) ?? [];
        return limit === null ? list : list.slice(0, limit);
      });
    },
    { cacheKeyFn: (key) => `${key.parentId}:${key.limit ?? 'all'}` },
  );
}

const skillsWithLinks = (links: string) => `WITH links AS (${links})
  SELECT json_build_array(
    (SELECT coalesce(json_agg(json_build_array(l."personId", l."skillId") ORDER BY l."personId", l.position), '[]') FROM links l),
    (SELECT coalesce(json_agg(s), '[]') FROM skill s WHERE s.id IN (SELECT "skillId" FROM links)))`;
const allSkillsOfPeople = skillsWithLinks(
  `SELECT ps."personId", ps."skillId", ps.position FROM person_skill ps WHERE ps."personId" = ANY($1::int[])`,
);
const firstSkillsOfPeople = skillsWithLinks(
  `SELECT ranked."personId", ranked."skillId", ranked.n AS position FROM (
     SELECT ps."personId", ps."skillId", row_number() OVER (PARTITION BY ps."personId" ORDER BY ps.position) AS n
     FROM person_skill ps WHERE ps."personId" = ANY($1::int[])
   ) ranked WHERE ranked.n <= $2::int`,
);

/**
 * One person's skills as a JSON array of skill rows with their `personId`, in list order; `links`
 * selects their ("personId", "skillId", position). Each skill is looked up by its key, in a
 * subquery per link: joined, PostgreSQL hashes the whole catalogue (2,000 skills) for a profile's
 * 10-50, which was most of a profile page's database time, and a lateral join (kept from that by
 * OFFSET 0) costs a third more than the subquery.
 */
export const skillsOfPersonJson = (links: string) => `SELECT coalesce(json_agg(
    (SELECT row_to_json(x) FROM (SELECT s.*, l."personId" FROM skill s WHERE s.id = l."skillId") x) ORDER BY l.position), '[]')
  FROM (${links}) l`;
const allSkillsOfPerson = skillsOfPersonJson(
  `SELECT ps."personId", ps."skillId", ps.position FROM person_skill ps WHERE ps."personId" = ANY($1::int[])`,
);
const firstSkillsOfPerson = skillsOfPersonJson(
  `SELECT ps."personId", ps."skillId", ps.position FROM person_skill ps WHERE ps."personId" = ANY($1::int[])
   ORDER BY ps.position LIMIT $2::int`,
);

/** A skill as listed on a profile: the skill's row and whose list it is in. */
export type SkillOfPerson<S> = S & { personId: number };

type SkillLinksJson<S> = [links: [personId: number, skillId: number][], skills: S[]];

/**
 * SQL, parameters and decoding for the skills of people (for queryJsonRows): for each person, the
 * first `limit` skills in the order they list them (all when null). The same skills come up on
 * many profiles, so for several people each skill's row is sent once, with the (person, skill)
 * links beside: a quarter less work for PostgreSQL and for JSON.parse than a row per link. One
 * person lists a skill once: their rows come as they are.
 */
export function skillsOfPeopleQuery<S extends { id: number }>(
  personIds: readonly number[],
  limit: number | null,
): readonly [string, unknown[], (json: unknown) => SkillOfPerson<S>[]] {
  const params = limit === null ? [personIds] : [personIds, limit];
  if (personIds.length === 1) {
    const text = limit === null ? allSkillsOfPerson : firstSkillsOfPerson;
    return [text, params, (json) => (json as SkillOfPerson<S>[] | null) ?? []];
  }
  const decode = (json: unknown): SkillOfPerson<S>[] => {
    const [pairs, skills] = (json as SkillLinksJson<S> | null) ?? [[], []];
    const skillById = new Map(skills.map((skill) => [skill.id, skill]));
    const rows: SkillOfPerson<S>[] = [];
    for (const [personId, skillId] of pairs) {
      const skill = skillById.get(skillId);
      // Object.assign: V8 builds these several times faster than an object spread.
      if (skill) rows.push(Object.assign({ personId }, skill));
    }
    return rows;
  };
  return [limit === null ? allSkillsOfPeople : firstSkillsOfPeople, params, decode] as const;
}

/**
 * SQL and parameters for the rows of a per-person, ordered section of a profile (`role`,
 * `degree`): for each of the people, their first `limit` rows in profile order (all of them when
 * null), as one JSON array of the table's rows (for queryJsonRows); one statement however many
 * people and limits a request holds. With a limit, each person's rows are read from the
 * ("personId", position) index and it stops at `limit`: 0.31 ms for 20 people's first 3 roles,
 * where ranking all their rows with a window function and keeping the first took 0.52 ms
 * (EXPLAIN ANALYZE, generic plan, 100,000 profiles), with the same JSON byte for byte. The ids
 * are distinct (limitedListLoader), so no person's rows come twice.
 */
export function profileSectionQuery(table: 'role' | 'degree') {
  const all = `SELECT coalesce(json_agg(t ORDER BY t."personId", t.position, t.id), '[]')
    FROM ${table} t WHERE t."personId" = ANY($1::int[])`;
  const first = `SELECT coalesce(json_agg(t ORDER BY t."personId", t.position, t.id), '[]')
    FROM unnest($1::int[]) person(id)
    CROSS JOIN LATERAL (SELECT * FROM ${table} t WHERE t."personId" = person.id ORDER BY t.position, t.id LIMIT $2::int) t`;
  return (personIds: readonly number[], limit: number | null): [string, unknown[]] =>
    limit === null ? [all, [personIds]] : [first, [personIds, limit]];
}
