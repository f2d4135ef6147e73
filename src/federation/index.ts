import { ApolloServer, type ApolloServerOptionsWithSchema } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Context } from '../context';
import { createSubgraphSchema } from './subgraph-schema';

/**
 * Where the Federation 2 subgraph schema is served: beside /graphql, not in it, so that the public
 * API (schema.graphql, Apollo Sandbox) shows no `_entities` or `_service`, and a deployment can
 * let only its router reach this path.
 */
export const subgraphPath = '/subgraph';

/**
 * The subgraph's Apollo Server, with the options `/graphql` has (`optionsFor` gives them for a
 * schema): the same limits, error format and request observers. The landing page is off: this
 * endpoint is for a gateway or router, which composes it from `_service { sdl }`. So is Apollo's
 * inline tracing (ftv1, for GraphOS usage reporting), which Apollo Server turns on by itself for a
 * federated schema: traces go out through OpenTelemetry (src/tracing/) like /graphql's.
 */
export async function startSubgraphServer(
  optionsFor: (schema: GraphQLSchema) => ApolloServerOptionsWithSchema<Context>,
  publicSchema: GraphQLSchema,
): Promise<ApolloServer<Context>> {
  const options = optionsFor(createSubgraphSchema(publicSchema));
  const server = new ApolloServer<Context>({
    ...options,
    plugins: [...(options.plugins ?? []), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  return server;
}
