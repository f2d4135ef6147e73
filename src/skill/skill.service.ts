import type { DataSource } from 'typeorm';
import { pageWindow, toConnection, type Connection, type CursorList } from '../common/connection';
import { parseIntKey, parseTextIdKey, type CursorKey } from '../common/cursor';
import { keysetClauses, type KeysetOrder } from '../common/keyset';
import { escapeLike } from '../common/like-pattern';
import { OrderDirection } from '../common/order';
import { canonicalSkillName } from './skill-names';
import { skillSlug } from './skill-slug';
import type { Skill } from './skill.entity';
import { SkillOrderField, type SkillsArgs } from './skill.filter';

/** A skill row as the directory reads it: with how well it matches the search, when searching. */
type DirectorySkill = Skill & { matchTier: number };

interface SkillOrdering {
  list: CursorList<DirectorySkill, CursorKey>;
  columns: KeysetOrder['columns'];
  defaultDirection: OrderDirection;
}

// Alphabetical for people (asyncio beside Apache, not after Zookeeper), the same on every server
// whatever its default collation: ICU's root collation ships with PostgreSQL builds that have ICU.
const byName: SkillOrdering = {
  list: { name: 'skills', keyOf: (skill) => [skill.name, skill.id], parseKey: parseTextIdKey },
  columns: [
    { sql: 'm.name COLLATE "und-x-icu"', type: 'text' },
    { sql: 'm.id', type: 'int' },
  ],
  defaultDirection: OrderDirection.ASC,
};

const byPopularity: SkillOrdering = {
  list: { name: 'skills:popularity', keyOf: (skill) => [skill.peopleCount, skill.id], parseKey: parseIntKey(2) },
  columns: [
    { sql: 'm."peopleCount"', type: 'int' },
    { sql: 'm.id', type: 'int' },
  ],
  defaultDirection: OrderDirection.DESC,
};

// Autocomplete puts `Python` (a prefix) before `CPython` (a substring) before near misses, and
// popular before rare within each: so "Python" is not crowded out by "Python Testing".
const byMatch: SkillOrdering = {
  list: {
    name: 'skills:match',
    keyOf: (skill) => [skill.matchTier, skill.peopleCount, skill.id],
    parseKey: parseIntKey(3),
  },
  columns: [
    { sql: 'm."matchTier"', type: 'int' },
    { sql: 'm."peopleCount"', type: 'int' },
    { sql: 'm.id', type: 'int' },
  ],
  defaultDirection: OrderDirection.DESC,
};

const minNearMissLength = 5;

/** A page of the skill directory: all skills or those matching an autocomplete search, in the order asked for. */
export async function listSkills(db: DataSource, args: SkillsArgs): Promise<Connection<Skill>> {
  const search = args.filter?.search?.trim().replace(/\s+/g, ' ').toLowerCase() || null;
  const category = args.filter?.category?.trim() || null;
  const ordering =
    args.orderBy?.field === SkillOrderField.POPULARITY
      ? byPopularity
      : args.orderBy?.field === SkillOrderField.NAME || !search
        ? byName
        : byMatch;
  const window = pageWindow(args, ordering.list);

  const params: unknown[] = [];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const conditions: string[] = [];
  let tierOf: (() => string) | null = null;
  if (search) {
    const alias = param(skillSlug(canonicalSkillName(search)), 'text');
    const contains = param(`%${escapeLike(search)}%`, 'text');
    // Substrings and near misses (`<%`: word similarity) both read the trigram index on lower(name).
    // Near misses only from a few letters on: `py` is a prefix, not a typo, and similarity is the
    // costly part of the query.
    const nearMiss = search.length >= minNearMissLength ? ` OR ${param(search, 'text')} <% lower(s.name)` : '';
    conditions.push(`(s.slug = ${alias} OR lower(s.name) LIKE ${contains}${nearMiss})`);
    tierOf = () => `CASE WHEN s.slug = ${alias} THEN 3 WHEN lower(s.name) LIKE ${param(`${escapeLike(search)}%`, 'text')} THEN 2
                         WHEN lower(s.name) LIKE ${contains} THEN 1 ELSE 0 END`;
  }
  if (category) conditions.push(`lower(s.category) = lower(${param(category, 'text')})`);
  const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');
  // The count takes the filter's parameters only; the page adds its own after them.
  const filterParams = params.slice();
  const tier = tierOf?.() ?? '0';

  const order = { columns: ordering.columns, direction: args.orderBy?.direction ?? ordering.defaultDirection };
  const page = keysetClauses(order, window, params);
  const rows = await db.query<DirectorySkill[]>(
    `SELECT m.* FROM (SELECT s.*, ${tier} AS "matchTier" FROM skill s ${where(conditions)}) m
     ${where(page.conditions)} ORDER BY ${page.orderBy} LIMIT ${page.limit}`,
    params,
  );
  return toConnection(rows, window, ordering.list, async () => {
    const [{ count }] = await db.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM skill s ${where(conditions)}`,
      filterParams,
    );
    return count;
  });
}

/** The categories skills are filed under, alphabetically. */
export async function listSkillCategories(db: DataSource): Promise<string[]> {
  const rows = await db.query<{ category: string }[]>(
    `SELECT category FROM skill WHERE category IS NOT NULL GROUP BY category ORDER BY category COLLATE "und-x-icu"`,
  );
  return rows.map((row) => row.category);
}
