import type { DataSource } from 'typeorm';
import { parseSearch, tsqueryExpression, type SearchTerm } from '../common/full-text';
import { escapeLike } from '../common/like-pattern';
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
  /** Has every one of these (sorted). */
  allSkills: number[];
  /** Has at least one of these; empty: any skills. */
  anySkills: number[];
  location: string | null;
  availability: string | null;
  jobCategory: string | null;
  authorizedToWorkIn: string | null;
  search: SearchTerm[];
}

const everyone: PeopleMatch = {
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
  /** `person p`, or the search table `person_search ps`, joined with person only if needed. */
  from: string;
  /** The matched person's id in `from`. */
  id: string;
  /** The matched person's skill ids (`ps."skillIds"`), when `from` has the search table. */
  skillIds: string | null;
  /** ANDed; empty for everyone. */
  conditions: string[];
  /** The search rank (a `real`), or null without a search. */
  rank: string | null;
}

/** Whether the match filters on person columns (not only skills and the search text). */
function filtersPersonColumns(match: PeopleMatch): boolean {
  return [match.location, match.availability, match.jobCategory, match.authorizedToWorkIn].some((value) => value !== null);
}

/**
 * SQL for the people a match holds, appending its parameters. Every condition is served by an
 * index: GIN over the search document and over the skill ids (so that text and skills combine in
 * one bitmap), the trigram index on location, lower(availability), and GIN over the lower-cased
 * arrays. Skills and text are matched in the narrow search table, and wide person rows are read
 * only when a filter or the caller (`personColumns`: its order) needs them; `searchTable` asks
 * for the search table even when nothing else does (for its skill ids), `sample` for its sample
 * (people-estimate.ts) instead.
 */
export function matchSql(
  match: PeopleMatch,
  params: unknown[],
  options: { personColumns?: boolean; searchTable?: boolean; sample?: boolean } = {},
): MatchSql {
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const searching = match.search.length > 0;
  const bySkills = match.allSkills.length > 0 || match.anySkills.length > 0;
  const withSearchTable = searching || bySkills || options.searchTable === true || options.sample === true;
  // The sample is a copy of some of the search table's rows, with the same columns and indexes.
  const searchTable = options.sample ? 'person_search_sample ps' : 'person_search ps';
  const withPerson = !withSearchTable || options.personColumns === true || filtersPersonColumns(match);
  const conditions: string[] = match.noOne ? ['FALSE'] : [];
  if (match.allSkills.length) conditions.push(`ps."skillIds" @> ${param(match.allSkills, 'int[]')}`);
  if (match.anySkills.length) conditions.push(`ps."skillIds" && ${param(match.anySkills, 'int[]')}`);
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
  let rank: string | null = null;
  if (searching) {
    const query = tsqueryExpression(match.search, params);
    conditions.push(`ps.document @@ ${query}`);
    rank = `ts_rank(ps.document, ${query})`;
  }
  if (!withSearchTable) return { from: 'person p', id: 'p.id', skillIds: null, conditions, rank };
  return {
    from: withPerson ? `${searchTable} JOIN person p ON p.id = ps."personId"` : searchTable,
    id: 'ps."personId"',
    skillIds: 'ps."skillIds"',
    conditions,
    rank,
  };
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
