import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context, Loaders } from '../context';
import { profileSections, type ProfileSections } from '../person/profile-lookahead';
import { badUserInput } from './errors';
import { fromGlobalId, Node, nodeTypeNames, toGlobalId, type NodeTypeName, type TypedNode } from './node';

const maxNodesPerRequest = 100;

/** A person comes with the sections of their profile that the selection shows for a Person. */
const loadRow: Record<NodeTypeName, (loaders: Loaders, id: number, sections: ProfileSections) => Promise<object | null>> = {
  Person: (loaders, id, sections) => loaders.personById.load({ key: id, sections }),
  Role: (loaders, id) => loaders.roleById.load(id),
  Degree: (loaders, id) => loaders.degreeById.load(id),
  Skill: (loaders, id) => loaders.skillById.load(id),
};

function isNodeTypeName(name: string): name is NodeTypeName {
  return (nodeTypeNames as readonly string[]).includes(name);
}

@Resolver(() => Node)
export class NodeResolver {
  // Every Node type inherits this: the database id stays internal, clients see the global ID.
  @FieldResolver(() => ID)
  id(@Root() row: { id: number }, @Info() info: GraphQLResolveInfo): string {
    const typeName = info.parentType.name;
    if (!isNodeTypeName(typeName)) throw new Error(`${typeName} is not a Node type`);
    return toGlobalId(typeName, row.id);
  }

  @Query(() => Node, { nullable: true, description: 'Refetches any object by its global ID; null if unknown.' })
  node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context, @Info() info: GraphQLResolveInfo): Promise<TypedNode | null> {
    return loadNode(loaders, id, profileSections(info));
  }

  @Query(() => [Node], { nullable: 'items', description: `Refetches up to ${maxNodesPerRequest} objects, in the order asked.` })
  nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() { loaders }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<(TypedNode | null)[]> {
    if (ids.length > maxNodesPerRequest) {
      throw badUserInput('ids', `at most ${maxNodesPerRequest} IDs per request; got ${ids.length}`);
    }
    const sections = profileSections(info);
    return Promise.all(ids.map((id) => loadNode(loaders, id, sections)));
  }
}

async function loadNode(loaders: Loaders, globalId: string, sections: ProfileSections): Promise<TypedNode | null> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const row = await loadRow[decoded.typeName](loaders, decoded.id, sections);
  return row && { ...row, __typename: decoded.typeName };
}
