import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { createLoader, skillsOfPersonJson, type ListKey, type SkillOfPerson } from '../common/batch';
import { queryRows } from '../database/read-queries';
import type { Degree } from '../degree/degree.entity';
import type { Role } from '../role/role.entity';
import type { Skill } from '../skill/skill.entity';
import type { Person } from './person.entity';
import { sectionNames, sectionsCacheKey, type ProfileKey, type ProfileSections, type SectionName } from './profile-lookahead';

/** The loaders whose caches a profile's statement fills, keyed as their field resolvers ask. */
export interface ProfileSectionLoaders {
  rolesByPersonId: DataLoader<ListKey, Role[], string>;
  degreesByPersonId: DataLoader<ListKey, Degree[], string>;
  skillsByPersonId: DataLoader<ListKey, SkillOfPerson<Skill>[], string>;
}

/** A column of `person p` that finds people, and the SQL type of its values. */
interface PersonColumn {
  column: string;
  type: 'int' | 'text';
}

type ColumnValue = number | string | null;

/** How a key finds a person: the column, the key's value in it, and a person's. */
interface Finder<K> extends PersonColumn {
  value(key: K): ColumnValue;
  valueOf(person: Person): ColumnValue;
}

const byId: Finder<number> = { column: 'p.id', type: 'int', value: (id) => id, valueOf: (person) => person.id };
const byHandle: Finder<string> = {
  column: 'lower(p.handle)',
  type: 'text',
  value: (handle) => handle.toLowerCase(),
  valueOf: (person) => person.handle.toLowerCase(),
};
const bySubject: Finder<string> = { column: 'p.subject', type: 'text', value: (subject) => subject, valueOf: (person) => person.subject };

/** The rows of a section of person `p`, in profile order: all of them, or the first `limit` (SQL). */
function orderedRows(table: 'role' | 'degree', limit: string | null): string {
  const rows = `SELECT * FROM ${table} t WHERE t."personId" = p.id`;
  return `SELECT coalesce(json_agg(t ORDER BY t.position, t.id), '[]')
    FROM (${limit === null ? rows : `${rows} ORDER BY t.position, t.id LIMIT ${limit}`}) t`;
}

/** Each section of person `p` as a JSON array of the rows its loader gives, whole or cut to `limit`. */
const sectionOfPerson: Record<SectionName, (limit: string | null) => string> = {
  roles: (limit) => orderedRows('role', limit),
  degrees: (limit) => orderedRows('degree', limit),
  skills: (limit) => {
    const links = `SELECT ps."personId", ps."skillId", ps.position FROM person_skill ps WHERE ps."personId" = p.id`;
    return skillsOfPersonJson(limit === null ? links : `${links} ORDER BY ps.position LIMIT ${limit}`);
  },
};

/** A section of person `p` as a column of the statement (SQL, after its other columns). */
const sectionColumn = (name: SectionName, limit: string | null) => `, (${sectionOfPerson[name](limit)}) AS "${name}"`;

/**
 * How a batch reads a section: the whole list for every person (the common case, and a tenth less
 * work for PostgreSQL than cutting it), or each person's own size, from an array of sizes beside
 * the values sought (NULL: all; 0: none, for a person whose keys do not show the section, which
 * reads nothing).
 */
type SectionRead = readonly [SectionName, 'whole' | 'sized'];

/** The most rows any of these sizes asks for: null for all, 0 when there are none. */
function widest(limits: readonly (number | null)[]): number | null {
  if (limits.length === 0) return 0;
  return limits.includes(null) ? null : Math.max(...(limits as number[]));
}

/**
 * One row per person found, with the sections read: $1 the values sought, then an array of sizes
 * (in the order of $1) per sized section. One statement however many people, aliases and sizes.
 */
function buildProfileStatement(finder: PersonColumn, reads: readonly SectionRead[]): string {
  let sized = 1;
  const columns = reads.map(([name, read]) => {
    const limit = read === 'whole' ? null : `($${++sized}::int[])[array_position($1::${finder.type}[], ${finder.column})]`;
    return sectionColumn(name, limit);
  });
  return `SELECT p.*${columns.join('')} FROM person p WHERE ${finder.column} = ANY($1::${finder.type}[])`;
}

/** By finder and section reads: a handful of texts, each prepared once per connection. */
const profileStatements = new Map<PersonColumn, Map<string, string>>();

function profileStatement(finder: PersonColumn, reads: readonly SectionRead[]): string {
  let byReads = profileStatements.get(finder);
  if (!byReads) profileStatements.set(finder, (byReads = new Map<string, string>()));
  const mask = reads.join();
  let text = byReads.get(mask);
  if (text === undefined) byReads.set(mask, (text = buildProfileStatement(finder, reads)));
  return text;
}

type SectionRows = Partial<Record<SectionName, unknown[]>>;
type ProfileRow = Person & SectionRows;

function prime<R>(loader: DataLoader<ListKey, R[], string>, parentId: number, limits: readonly (number | null)[], rows: unknown[] = []) {
  for (const limit of limits) loader.prime({ parentId, limit }, (limit === null ? rows : rows.slice(0, limit)) as R[]);
}

/** A person's sections as a statement read them, into their loaders' caches for each size `sections` asks. */
function primeSections(sectionLoaders: ProfileSectionLoaders, personId: number, sections: ProfileSections, rows: SectionRows) {
  prime(sectionLoaders.rolesByPersonId, personId, sections.roles, rows.roles);
  prime(sectionLoaders.degreesByPersonId, personId, sections.degrees, rows.degrees);
  prime(sectionLoaders.skillsByPersonId, personId, sections.skills, rows.skills);
}

/**
 * For a statement over `person p` whose people all show the same sections (a page of a list):
 * a column per section shown, each person's rows cut to the widest size asked (SQL, to follow
 * the statement's other columns).
 */
export function sectionColumns(sections: ProfileSections): string {
  return sectionNames
    .filter((name) => sections[name].length > 0)
    .map((name) => {
      const limit = widest(sections[name]);
      return sectionColumn(name, limit === null ? null : String(limit));
    })
    .join('');
}

/**
 * A row read with sectionColumns: its sections go into their loaders' caches, as the field
 * resolvers of these sections will ask for them, and the person comes back without them.
 */
export function primeListedSections<P extends Person>(
  sectionLoaders: ProfileSectionLoaders,
  sections: ProfileSections,
  { roles, degrees, skills, ...person }: P & SectionRows,
): P {
  primeSections(sectionLoaders, person.id, sections, { roles, degrees, skills });
  return person as unknown as P;
}

/**
 * People with the sections of their profiles that their keys ask for, in one statement per
 * batch; each key's sections go into their loaders' caches, as its field resolvers will ask.
 */
function profileLoader<K>(name: string, db: DataSource, sectionLoaders: ProfileSectionLoaders, finder: Finder<K>) {
  return createLoader<ProfileKey<K>, Person | null, string>(
    name,
    async (keys) => {
      // Keys that find the same person (other sections, other case) share its row.
      const keysByValue = new Map<ColumnValue, ProfileKey<K>[]>();
      for (const key of keys) {
        const value = finder.value(key.key);
        const found = keysByValue.get(value);
        if (found) found.push(key);
        else keysByValue.set(value, [key]);
      }
      const sought = [...keysByValue.values()];
      const params: unknown[] = [[...keysByValue.keys()]];
      const reads: SectionRead[] = [];
      for (const section of sectionNames) {
        const sizes = sought.map((sameKeys) => widest(sameKeys.flatMap((key) => key.sections[section])));
        if (sizes.every((size) => size === 0)) continue;
        const whole = sizes.every((size) => size === null);
        reads.push([section, whole ? 'whole' : 'sized']);
        if (!whole) params.push(sizes);
      }

      const people = new Map<ColumnValue, Person>();
      for (const { roles, degrees, skills, ...person } of await queryRows<ProfileRow>(db, profileStatement(finder, reads), params)) {
        const value = finder.valueOf(person);
        people.set(value, person);
        for (const key of keysByValue.get(value) ?? []) primeSections(sectionLoaders, person.id, key.sections, { roles, degrees, skills });
      }
      return keys.map((key) => people.get(finder.value(key.key)) ?? null);
    },
    { cacheKeyFn: (key) => `${String(key.key)}\u0000${sectionsCacheKey(key.sections)}` },
  );
}

export function createPersonLoaders(db: DataSource, sectionLoaders: ProfileSectionLoaders) {
  return {
    personById: profileLoader('personById', db, sectionLoaders, byId),
    /** Keyed by the handle as given; matches regardless of case. */
    personByHandle: profileLoader('personByHandle', db, sectionLoaders, byHandle),
    /** The profile a token's subject owns. */
    personBySubject: profileLoader('personBySubject', db, sectionLoaders, bySubject),
  };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
