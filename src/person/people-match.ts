import { parseSearch, tsqueryExpression, type SearchTerm } from '../common/full-text';
import { canonicalSkillName } from '../skill/skill-names';
import { skillSlug } from '../skill/skill-slug';
import type { PersonFilter } from './person.filter';

/**
 * Which people a list holds, normalised: skills as slugs, text trimmed, the search parsed. Plain
 * data, so that it can key a loader (count, facets) and be compiled to SQL in one place.
 */
export interface PeopleMatch {
  allSkills: string[];
  anySkills: string[];
  location: string | null;
  availability: string | null;
  jobCategory: string | null;
  authorizedToWorkIn: string | null;
  search: SearchTerm[];
}

export const everyone: PeopleMatch = {
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

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim().replace(/\s+/g, ' ');
  return trimmed ? trimmed : null;
}

export function peopleMatch(filter: PersonFilter | null | undefined): PeopleMatch {
  return {
    allSkills: skillSlugs(filter?.skills),
    anySkills: skillSlugs(filter?.anySkills),
    location: text(filter?.location),
    availability: text(filter?.availability),
    jobCategory: text(filter?.jobCategory),
    authorizedToWorkIn: text(filter?.authorizedToWorkIn),
    search: parseSearch(filter?.search ?? ''),
  };
}

export function matchesEveryone(match: PeopleMatch): boolean {
  return JSON.stringify(match) === JSON.stringify(everyone);
}

/** The people who list a skill. */
export function peopleWithSkill(slug: string): PeopleMatch {
  return { ...everyone, allSkills: [slug] };
}

export interface MatchSql {
  /** `person p`, joined with the search table when searching. */
  from: string;
  /** ANDed; empty for everyone. */
  conditions: string[];
  /** The search rank of p (a `real`), or null without a search. */
  rank: string | null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * SQL over `person p` for the match, appending its parameters. Every condition is served by an
 * index: person_skill's primary key and (skillId, personId), the GIN search index, the trigram
 * index on location, lower(availability), and GIN over the lower-cased arrays.
 */
export function matchSql(match: PeopleMatch, params: unknown[]): MatchSql {
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const conditions: string[] = [];
  // One semi-join per required skill lets the planner start from the rarest; an unknown slug finds
  // no id, so no one matches.
  for (const slug of match.allSkills) {
    conditions.push(`EXISTS (SELECT 1 FROM person_skill l WHERE l."personId" = p.id
      AND l."skillId" = (SELECT id FROM skill WHERE slug = ${param(slug, 'text')}))`);
  }
  if (match.anySkills.length) {
    conditions.push(`EXISTS (SELECT 1 FROM person_skill l WHERE l."personId" = p.id
      AND l."skillId" IN (SELECT id FROM skill WHERE slug = ANY(${param(match.anySkills, 'text[]')})))`);
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
  if (!match.search.length) return { from: 'person p', conditions, rank: null };

  const query = tsqueryExpression(match.search, params);
  conditions.push(`ps.document @@ ${query}`);
  return {
    from: 'person p JOIN person_search ps ON ps."personId" = p.id',
    conditions,
    rank: `ts_rank(ps.document, ${query})`,
  };
}

export function whereClause(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}
