import { Field, ID, InterfaceType } from 'type-graphql';

// Every type reachable through `node(id:)`; a global ID naming anything else is refused.
export const nodeTypeNames = ['Person', 'Role', 'Degree', 'Skill'] as const;
export type NodeTypeName = (typeof nodeTypeNames)[number];

export interface GlobalId {
  typeName: NodeTypeName;
  id: number;
}

/** Ids are PostgreSQL integers. */
export const maxDatabaseId = 2_147_483_647;

/** Opaque to clients: base64url of `Type:id`, so ids can't be confused across types. */
export function toGlobalId(typeName: NodeTypeName, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/**
 * Returns null for anything that is not a global ID this service issued, including other spellings
 * of one (padding, the standard base64 alphabet) that would hand back a node whose id differs from
 * the one asked for.
 */
export function fromGlobalId(globalId: string): GlobalId | null {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match) return null;
  const typeName = nodeTypeNames.find((name) => name === match[1]);
  const id = Number(match[2]);
  if (!typeName || id > maxDatabaseId || toGlobalId(typeName, id) !== globalId) return null;
  return { typeName, id };
}

// Rows are plain objects, not class instances, so whoever returns a Node tags it.
export interface TypedNode {
  __typename: NodeTypeName;
}

@InterfaceType({
  description: 'An object with a globally unique, opaque ID, refetchable through `node(id:)`.',
  resolveType: (value: TypedNode) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
}
