import { isInterfaceType, isUnionType, type GraphQLSchema, type GraphQLTypeResolver } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'then') === 'function';
}

type UserTypeResolver = (...args: Parameters<GraphQLTypeResolver<unknown, unknown>>) => unknown;

/**
 * type-graphql wraps every `resolveType` given to `@InterfaceType`/`createUnionType` in an async
 * function (so that it may return a class or a Promise). graphql-js awaits it; compiled queries
 * (graphql-jit) need the type name synchronously and otherwise report an error for every Node
 * they meet. This puts back a wrapper that does what type-graphql's does (a class becomes its
 * GraphQL type's name, null becomes undefined) and returns synchronously whenever the given
 * function does. Call after buildSchema.
 */
export function useSyncResolveTypes(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNameOfClass = new Map<unknown, string>(storage.objectTypes.map((type) => [type.target, type.name]));
  const given = [
    ...storage.interfaceTypes.map((type) => [type.name, type.resolveType] as const),
    ...storage.unions.map((type) => [type.name, type.resolveType] as const),
  ];
  for (const [name, resolveType] of given) {
    const type = schema.getType(name);
    if (!resolveType || !(isInterfaceType(type) || isUnionType(type))) continue;
    const userResolveType = resolveType as UserTypeResolver;
    // As type-graphql: a name as given, a class as its type's name if it is one of this type's.
    const possible = new Set(schema.getPossibleTypes(type).map((objectType) => objectType.name));
    const typeName = (resolved: unknown): string | undefined => {
      if (!resolved || typeof resolved === 'string') return (resolved as string | undefined) || undefined;
      const name = typeNameOfClass.get(resolved);
      return name !== undefined && possible.has(name) ? name : undefined;
    };
    type.resolveType = (...args) => {
      const resolved = userResolveType(...args);
      if (isThenable(resolved)) return Promise.resolve(resolved).then(typeName);
      return typeName(resolved);
    };
  }
}
