import type { DataSource } from 'typeorm';
import { parseSearch, tsqueryExpression, type SearchTerm } from '../common/full-text';
import { skillIds } from '../skill/skill-ids';
import { canonicalSkillName } from '../skill/skill-names';
import { skillSlug } from '../skill/skill-slug';
import type { PersonFilter } from './person.filter';

/**
 * Which people a list holds, normalised: skills as ids, text trimmed, the search parsed. Plain
 * data, so that it can key a loader (count, facets) and be compiled to SQL in one place.
 */
export interface PeopleMatch {
  /** A skill asked for does not exist: no one matches. */
  noOne: boolean;
  /** Has every one of these. */
  allSkills: number[];
  /** Has at least one of these; empty: any skills. */
  anySkills: number[];
  location: string | null;
  availability: string | null;
  jobCategory: string | null;
  authorizedToWorkIn: string | null;
  search: SearchTerm[];
}

export const everyone: PeopleMatch = {
  noOne: false,
  allSkills: [],
  anySkills: [],
  location: null,
  availability: null,
  jobCategory: null,
  authorizedToWorkIn: null,
  search: [],
};

/** Skills are matched the way people type them: any case, through aliases. */
function skillSlugs(names: readonly string[] | null | undefined): string[] {
  return [...new Set((names ?? []).map((name) => skillSlug(canonicalSkillName(name))))];
}

const ascending = (a: number, b: number) => a - b;

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

export async function peopleMatch(db: DataSource, filter: PersonFilter | null | undefined): Promise<PeopleMatch> {
  const allSlugs = skillSlugs(filter?.skills);
  const anySlugs = skillSlugs(filter?.anySkills);
  const ids = await skillIds(db).of([...allSlugs, ...anySlugs]);
  const known = (slugs: string[]) => slugs.flatMap((slug) => ids.get(slug) ?? []).sort(ascending);
  const allSkills = known(allSlugs);
  const anySkills = known(anySlugs);
  return {
    // An unknown skill is an empty result, not an error: no one has it.
    noOne: allSkills.length < allSlugs.length || (anySlugs.length > 0 && anySkills.length === 0),
    allSkills,
    anySkills,
    location: text(filter?.location),
    availability: text(filter?.availability),
    jobCategory: text(filter?.jobCategory),
    authorizedToWorkIn: text(filter?.authorizedToWorkIn),
    search: parseSearch(filter?.search ?? ''),
  };
}

export function matchesEveryone(match: PeopleMatch): boolean {
  return (
    !match.noOne &&
    !match.allSkills.length &&
    !match.anySkills.length &&
    match.location === null &&
    match.availability === null &&
    match.jobCategory === null &&
    match.authorizedToWorkIn === null &&
    !match.search.length
  );
}

/** The people who list a skill. */
export function peopleWithSkill(skillId: number): PeopleMatch {
  return { ...everyone, allSkills: [skillId] };
}

export interface MatchSql {
  /** `person p`, or the search table `person_search ps` when searching, joined with person only if needed. */
  from: string;
  /** The matched person's id in `from`. */
  id: string;
  /** ANDed; empty for everyone. */
  conditions: string[];
  /** The search rank (a `real`), or null without a search. */
  rank: string | null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whether the match filters on person columns (not only skills and the search text). */
function filtersPersonColumns(match: PeopleMatch): boolean {
  return [match.location, match.availability, match.jobCategory, match.authorizedToWorkIn].some((value) => value !== null);
}

/**
 * SQL for the people a match holds, appending its parameters. Every condition is served by an
 * index: person_skill's primary key and (skillId, personId), the GIN search index, the trigram
 * index on location, lower(availability), and GIN over the lower-cased arrays. A search starts
 * from the narrow search table and reads wide person rows only when a filter or `personColumns`
 * (the caller's order) needs them.
 */
export function matchSql(match: PeopleMatch, params: unknown[], options: { personColumns?: boolean } = {}): MatchSql {
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const searching = match.search.length > 0;
  const withPerson = !searching || options.personColumns === true || filtersPersonColumns(match);
  const id = searching ? 'ps."personId"' : 'p.id';
  const conditions: string[] = match.noOne ? ['FALSE'] : [];
  // One semi-join per required skill lets the planner start from the rarest.
  for (const skillId of match.allSkills) {
    conditions.push(`EXISTS (SELECT 1 FROM person_skill l WHERE l."personId" = ${id} AND l."skillId" = ${param(skillId, 'int')})`);
  }
  if (match.anySkills.length) {
    conditions.push(
      `EXISTS (SELECT 1 FROM person_skill l WHERE l."personId" = ${id} AND l."skillId" = ANY(${param(match.anySkills, 'int[]')}))`,
    );
  }
  if (match.location) {
    conditions.push(`lower(p.location) LIKE '%' || lower(${param(escapeLike(match.location), 'text')}) || '%'`);
  }
  if (match.availability) conditions.push(`lower(p.availability) = lower(${param(match.availability, 'text')})`);
  if (match.jobCategory) {
    conditions.push(`lower_text_array(p."jobCategories") @> ARRAY[lower(${param(match.jobCategory, 'text')})]`);
  }
  if (match.authorizedToWorkIn) {
    conditions.push(`lower_text_array(p."authorizedToWorkIn") @> ARRAY[lower(${param(match.authorizedToWorkIn, 'text')})]`);
  }
  if (!searching) return { from: 'person p', id, conditions, rank: null };

  const query = tsqueryExpression(match.search, params);
  conditions.push(`ps.document @@ ${query}`);
  return {
    from: withPerson ? 'person_search ps JOIN person p ON p.id = ps."personId"' : 'person_search ps',
    id,
    conditions,
    rank: `ts_rank(ps.document, ${query})`,
  };
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
