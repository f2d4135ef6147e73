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

/**
 * Each section of the person `p`, in profile order, as a JSON array of rows as its loader gives
 * them; at most `limit` of them (an SQL expression: NULL for all, 0 for none, which reads nothing).
 */
const sectionOfPerson: Record<SectionName, (limit: string) => string> = {
  roles: (limit) => `SELECT coalesce(json_agg(t ORDER BY t.position, t.id), '[]')
    FROM (SELECT * FROM role t WHERE t."personId" = p.id ORDER BY t.position, t.id LIMIT ${limit}) t`,
  degrees: (limit) => `SELECT coalesce(json_agg(t ORDER BY t.position, t.id), '[]')
    FROM (SELECT * FROM degree t WHERE t."personId" = p.id ORDER BY t.position, t.id LIMIT ${limit}) t`,
  skills: (limit) =>
    skillsOfPersonJson(`SELECT ps."personId", ps."skillId", ps.position FROM person_skill ps
      WHERE ps."personId" = p.id ORDER BY ps.position LIMIT ${limit}`),
};

/**
 * One row per key that finds a person, with the key's position (1-based) and the sections that
 * any key asks for, each cut to that key's own widest size: $1 the keys, then one array of sizes
 * per section. However many keys and sections, one statement of constant text.
 */
function buildProfileStatement(finder: PersonColumn, sections: readonly SectionName[]): string {
  const limits = sections.map((_, i) => `, $${i + 2}::int[]`).join('');
  const columns = sections.map((name) => `, (${sectionOfPerson[name](`k."${name}"`)}) AS "${name}"`).join('');
  return `SELECT k.n::int AS "keyIndex", p.*${columns}
    FROM unnest($1::${finder.type}[]${limits}) WITH ORDINALITY AS k(key${sections.map((name) => `, "${name}"`).join('')}, n)
    JOIN person p ON ${finder.column} = k.key`;
}

/** By finder and selected sections: a handful of texts, each prepared once per connection. */
const profileStatements = new Map<PersonColumn, Map<string, string>>();

function profileStatement(finder: PersonColumn, sections: readonly SectionName[]): string {
  let byMask = profileStatements.get(finder);
  if (!byMask) profileStatements.set(finder, (byMask = new Map()));
  const mask = sections.join();
  let text = byMask.get(mask);
  if (text === undefined) byMask.set(mask, (text = buildProfileStatement(finder, sections)));
  return text;
}

type ProfileRow = Person & { keyIndex: number } & Partial<Record<SectionName, unknown[]>>;

/** The most rows any alias of a section asks for: null for all, 0 when it is not selected. */
function widest(limits: readonly (number | null)[]): number | null {
  if (limits.length === 0) return 0;
  return limits.includes(null) ? null : Math.max(...(limits as number[]));
}

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
      const sections = sectionNames.filter((section) => keys.some((key) => key.sections[section].length > 0));
      const text = profileStatement(finder, sections);
      const params = [keys.map((key) => finder.value(key.key)), ...sections.map((section) => keys.map((key) => widest(key.sections[section])))];
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
