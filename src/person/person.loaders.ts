import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { createLoader, skillsOfPersonJson, type ListKey, type SkillOfPerson } from '../common/batch';
import { queryRows } from '../database/read-queries';
import type { Degree } from '../degree/degree.entity';
import type { Role } from '../role/role.entity';
import type { Skill } from '../skill/skill.entity';
import type { Person } from './person.entity';
import { sectionNames, sectionsCacheKey, type ProfileKey, type SectionName } from './profile-lookahead';

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

/** How a key finds a person: the column, and the key's value in it. */
interface Finder<K> extends PersonColumn {
  value(key: K): unknown;
}

const byId: Finder<number> = { column: 'p.id', type: 'int', value: (id) => id };
const byHandle: Finder<string> = { column: 'lower(p.handle)', type: 'text', value: (handle) => handle.toLowerCase() };
const bySubject: Finder<string> = { column: 'p.subject', type: 'text', value: (subject) => subject };

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

/**
 * How a batch reads a section: the whole list for every key (the common case, and a tenth less
 * work for PostgreSQL than cutting it), or each key's own size, from an array of sizes beside the
 * keys (NULL: all; 0: none, as for a key that does not show the section, which reads nothing).
 */
type SectionRead = readonly [SectionName, 'whole' | 'sized'];

/** The most rows any alias of a section asks for: null for all, 0 when it is not selected. */
function widest(limits: readonly (number | null)[]): number | null {
  if (limits.length === 0) return 0;
  return limits.includes(null) ? null : Math.max(...(limits as number[]));
}

function sectionReads(keys: readonly ProfileKey<unknown>[]): SectionRead[] {
  const reads: SectionRead[] = [];
  for (const name of sectionNames) {
    if (keys.every((key) => key.sections[name].length === 0)) continue;
    reads.push([name, keys.every((key) => widest(key.sections[name]) === null) ? 'whole' : 'sized']);
  }
  return reads;
}

/**
 * One row per key that finds a person, with the key's position (1-based) and the sections read:
 * $1 the keys, then an array of sizes per sized section. One statement however many keys.
 */
function buildProfileStatement(finder: PersonColumn, reads: readonly SectionRead[]): string {
  const sized = reads.filter(([, read]) => read === 'sized').map(([name]) => name);
  const columns = reads.map(([name, read]) => `, (${sectionOfPerson[name](read === 'whole' ? null : `k."${name}"`)}) AS "${name}"`);
  return `SELECT k.n::int AS "keyIndex", p.*${columns.join('')}
    FROM unnest($1::${finder.type}[]${sized.map((_, i) => `, $${i + 2}::int[]`).join('')})
      WITH ORDINALITY AS k(key${sized.map((name) => `, "${name}"`).join('')}, n)
    JOIN person p ON ${finder.column} = k.key`;
}

/** By finder and section reads: a handful of texts, each prepared once per connection. */
const profileStatements = new Map<PersonColumn, Map<string, string>>();

function profileStatement(finder: PersonColumn, reads: readonly SectionRead[]): string {
  let byReads = profileStatements.get(finder);
  if (!byReads) profileStatements.set(finder, (byReads = new Map()));
  const mask = reads.join();
  let text = byReads.get(mask);
  if (text === undefined) byReads.set(mask, (text = buildProfileStatement(finder, reads)));
  return text;
}

type ProfileRow = Person & { keyIndex: number } & Partial<Record<SectionName, unknown[]>>;

function prime<R>(loader: DataLoader<ListKey, R[], string>, parentId: number, limits: readonly (number | null)[], rows: unknown[] = []) {
  for (const limit of limits) loader.prime({ parentId, limit }, (limit === null ? rows : rows.slice(0, limit)) as R[]);
}

/**
 * People with the sections of their profiles that each key asks for, in one statement per batch,
 * however many people, aliases and sizes; the sections go into their loaders' caches.
 */
function profileLoader<K>(name: string, db: DataSource, sectionLoaders: ProfileSectionLoaders, finder: Finder<K>) {
  return createLoader<ProfileKey<K>, Person | null, string>(
    name,
    async (keys) => {
      const reads = sectionReads(keys);
      const sizes = reads.filter(([, read]) => read === 'sized').map(([name]) => keys.map((key) => widest(key.sections[name])));
      const params = [keys.map((key) => finder.value(key.key)), ...sizes];
      const text = profileStatement(finder, reads);
      const people: (Person | null)[] = keys.map(() => null);
      for (const { keyIndex, roles, degrees, skills, ...person } of await queryRows<ProfileRow>(db, text, params)) {
        const key = keys[keyIndex - 1];
        if (!key) continue;
        people[keyIndex - 1] = person;
        prime(sectionLoaders.rolesByPersonId, person.id, key.sections.roles, roles);
        prime(sectionLoaders.degreesByPersonId, person.id, key.sections.degrees, degrees);
        prime(sectionLoaders.skillsByPersonId, person.id, key.sections.skills, skills);
      }
      return people;
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
