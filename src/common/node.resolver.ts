import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context, Loaders } from '../context';
import { badUserInput } from './errors';
import { fromGlobalId, Node, nodeTypeNames, toGlobalId, type NodeTypeName, type TypedNode } from './node';

const maxNodesPerRequest = 100;

const loaderOf: Record<NodeTypeName, (loaders: Loaders) => { load(id: number): Promise<object | null> }> = {
  Person: (loaders) => loaders.personById,
  Role: (loaders) => loaders.roleById,
  Degree: (loaders) => loaders.degreeById,
  Skill: (loaders) => loaders.skillById,
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
  node(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context): Promise<TypedNode | null> {
    return loadNode(loaders, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Refetches up to ${maxNodesPerRequest} objects, in the order asked.` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() { loaders }: Context): Promise<(TypedNode | null)[]> {
    if (ids.length > maxNodesPerRequest) {
      throw badUserInput('ids', `at most ${maxNodesPerRequest} IDs per request; got ${ids.length}`);
    }
    return Promise.all(ids.map((id) => loadNode(loaders, id)));
  }
}

async function loadNode(loaders: Loaders, globalId: string): Promise<TypedNode | null> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const row = await loaderOf[decoded.typeName](loaders).load(decoded.id);
  return row && { ...row, __typename: decoded.typeName };
}
