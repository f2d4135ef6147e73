import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { execute, GraphQLSchema, isObjectType, Kind, lexicographicSortSchema, parse, type GraphQLFieldResolver } from 'graphql';
import { createResolversMap } from 'type-graphql';
import type { Context } from '../context';
import { entityKeys, resolveEntities } from './entity-references';

/**
 * The Federation version this subgraph declares: the lowest that has everything it uses (`@key`,
 * `@shareable`), so that any Federation 2 gateway or router composes it.
 */
export const federationSpec = 'https://specs.apollo.dev/federation/v2.0';

const link = `extend schema @link(url: "${federationSpec}", import: ["@key", "@shareable"])`;

/** The `fields` of every `@key` on a type, as the SDL spells them. */
function declaredKeys(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return [];
  return (type.astNode?.directives ?? [])
    .filter((directive) => directive.name.value === 'key')
    .flatMap((directive) => directive.arguments ?? [])
    .flatMap((argument) => (argument.name.value === 'fields' && argument.value.kind === Kind.STRING ? [argument.value.value] : []));
}

/** The keys on the classes (`@Directive('@key(…)')`) and the lookups of entity-references.ts must agree. */
function checkEntityKeys(schema: GraphQLSchema): void {
  const entityTypes = Object.values(schema.getTypeMap()).filter((type) => declaredKeys(schema, type.name).length > 0);
  const expected = Object.entries(entityKeys).map(([name, keys]) => `${name}: ${[...keys].sort().join(', ')}`);
  const declared = entityTypes.map((type) => `${type.name}: ${declaredKeys(schema, type.name).sort().join(', ')}`);
  if (expected.sort().join('\n') !== declared.sort().join('\n')) {
    throw new Error(`The @key directives on the classes (${declared.join('; ')}) differ from entityKeys (${expected.join('; ')})`);
  }
}

/**
 * The Federation 2 subgraph schema: the public schema (built from the same type-graphql classes,
 * with the same resolvers, lean and compiled paths included) plus `_service` and `_entities`.
 * Built from `schema` itself: its SDL, printed with the directives the classes declare, and its
 * resolvers, taken as they are (createSchema has already put the lean ones in place).
 */
export function createSubgraphSchema(schema: GraphQLSchema): GraphQLSchema {
  checkEntityKeys(schema);
  // Without subscriptions: they are served over WebSocket on /graphql only (src/live), and a
  // gateway would plan them to this HTTP endpoint, which cannot answer them.
  const config = schema.toConfig();
  const queriesAndMutations = new GraphQLSchema({
    ...config,
    subscription: undefined,
    types: config.types.filter((type) => type !== config.subscription),
  });
  // Sorted: type-graphql orders types as their modules happened to load, and the SDL is diffed in CI.
  const typeDefs = parse(`${link}\n\n${printSchemaWithDirectives(lexicographicSortSchema(queriesAndMutations))}`);
  const { Subscription: _subscriptions, ...resolvers } = createResolversMap(schema) as GraphQLResolverMap<Context>;
  // buildSubgraphSchema's own _entities throws for the whole list on one unknown __typename, and
  // calls a reference resolver per entry; ours answers null for that entry and batches by loader.
  resolvers.Query = { ...(resolvers.Query as Record<string, GraphQLFieldResolver<unknown, Context>>), _entities: resolveEntities };
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}

/** The SDL the subgraph serves as `_service { sdl }`: what a gateway or router composes. */
export async function subgraphSdl(subgraph: GraphQLSchema): Promise<string> {
  const result = await execute({ schema: subgraph, document: parse('{ _service { sdl } }') });
  const sdl = (result.data as { _service?: { sdl?: unknown } } | null | undefined)?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`_service { sdl } answered no SDL: ${JSON.stringify(result.errors)}`);
  return sdl;
}
