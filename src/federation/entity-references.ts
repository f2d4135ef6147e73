import type { GraphQLResolveInfo } from 'graphql';
import { fromGlobalId, type NodeTypeName } from '../common/node';
import type { Context, Loaders } from '../context';
import { profileSections, type ProfileSections } from '../person/profile-lookahead';

// How `_entities` turns the representations a gateway sends (`{ __typename, <key fields> }`)
// into rows: through the request's loaders, as `person`, `node` and every other field do, so
// that a gateway's batch of N references costs the statements of one, and the field resolvers
// (contact details for the owner and admins only) apply as everywhere else.
//
// A representation that names no entity of this subgraph, lacks its key, carries a key of the
// wrong shape or a global ID of another type resolves to null for that entry alone: the list's
// other entries are answered.

/** The keys each entity declares with `@key` on its class; checked against the schema at build. */
export const entityKeys: Readonly<Record<NodeTypeName, readonly string[]>> = {
  Person: ['id', 'handle'],
  Skill: ['id', 'slug'],
  Role: ['id'],
  Degree: ['id'],
};

type Representation = Readonly<Record<string, unknown>>;
type Lookup = (representation: Representation, loaders: Loaders, sections: ProfileSections) => Promise<object | null> | null;

/** The database id in a representation's global ID, if it is one of this type's. */
function idOf(representation: Representation, typeName: NodeTypeName): number | null {
  const { id } = representation;
  if (typeof id !== 'string') return null;
  const decoded = fromGlobalId(id);
  return decoded?.typeName === typeName ? decoded.id : null;
}

function stringKey(representation: Representation, field: string): string | null {
  const value = representation[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

// A representation carries the fields of the one key the gateway chose; `id` is tried first.
const lookups: Record<NodeTypeName, Lookup> = {
  Person(representation, loaders, sections) {
    if ('id' in representation) {
      const id = idOf(representation, 'Person');
      return id === null ? null : loaders.personById.load({ key: id, sections });
    }
    const handle = stringKey(representation, 'handle');
    return handle === null ? null : loaders.personByHandle.load({ key: handle, sections });
  },
  Skill(representation, loaders) {
    if ('id' in representation) {
      const id = idOf(representation, 'Skill');
      return id === null ? null : loaders.skillById.load(id);
    }
    const slug = stringKey(representation, 'slug');
    return slug === null ? null : loaders.skillBySlug.load(slug);
  },
  Role(representation, loaders) {
    const id = idOf(representation, 'Role');
    return id === null ? null : loaders.roleById.load(id);
  },
  Degree(representation, loaders) {
    const id = idOf(representation, 'Degree');
    return id === null ? null : loaders.degreeById.load(id);
  },
};

function isEntityTypeName(name: unknown): name is NodeTypeName {
  return typeof name === 'string' && Object.hasOwn(lookups, name);
}

async function resolveEntity(value: unknown, loaders: Loaders, sections: ProfileSections): Promise<object | null> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const representation = value as Representation;
  const typeName = representation.__typename;
  if (!isEntityTypeName(typeName)) return null;
  const row = await lookups[typeName](representation, loaders, sections);
  // _Entity's resolveType reads __typename; rows are plain objects, so tag a copy.
  return row && { ...row, __typename: typeName };
}

/**
 * `Query._entities`: every representation is looked up in the same tick, so each loader sends one
 * statement for all of its type's keys. A person comes with the profile sections the selection
 * shows (`... on Person { roles { … } }`), as from `person(handle:)`.
 */
export function resolveEntities(
  _root: unknown,
  { representations }: { representations: readonly unknown[] },
  { loaders }: Context,
  info: GraphQLResolveInfo,
): Promise<(object | null)[]> {
  const sections = profileSections(info);
  return Promise.all(representations.map((representation) => resolveEntity(representation, loaders, sections)));
}
