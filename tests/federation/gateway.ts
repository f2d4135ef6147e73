import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { getOperationAST, Kind, parse, type GraphQLFormattedError } from 'graphql';

// @apollo/gateway in front of the subgraphs, configured as the README's Federation section shows.

export interface GatewayContext {
  /** The client's Authorization header, passed on to every subgraph. */
  authorization?: string;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

/** The paths, in the subgraph's own response, of the fields a fetch asked for. */
function requestedPaths({ request }: ProcessOptions): (string | number)[][] {
  const representations = request.variables?.representations;
  if (Array.isArray(representations)) return representations.map((_, index) => ['_entities', index]);
  const operation = request.query ? getOperationAST(parse(request.query), request.operationName) : null;
  return (operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD ? [[selection.alias?.value ?? selection.name.value]] : [],
  );
}

/**
 * Forwards the client's Authorization header (contact details depend on who asks), and answers
 * for a subgraph that cannot be reached with a SERVICE_UNAVAILABLE error at each field it was
 * asked for, which the gateway maps to the client's paths: the other subgraphs' fields answer.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: ProcessOptions): void {
    // Schema loads and health checks run outside any client request: their context is empty.
    const authorization: unknown = context.authorization;
    if (typeof authorization === 'string') request.http?.headers.set('authorization', authorization);
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // A response that came back (401, 500, ...) is the subgraph's answer; only no answer is an outage.
      if (!isUnreachable(error)) throw error;
      const errors: GraphQLFormattedError[] = requestedPaths(options).map((path) => ({
        message: `The ${this.name} service is unavailable right now`,
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      }));
      return { data: null, errors };
    }
  }
}

function isUnreachable(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return (
    typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'UND_ERR_SOCKET'].includes(code)
  );
}

export interface Gateway {
  url: string;
  stop(): Promise<void>;
}

export async function startGateway(subgraphs: { name: string; url: string }[]): Promise<Gateway> {
  const gateway = new ApolloGateway({
    // The Router or a managed federation setup would load a composed supergraph instead; this
    // composes it from each subgraph's `_service { sdl }` at start-up.
    supergraphSdl: new IntrospectAndCompose({ subgraphs }),
    buildService: ({ name, url }) => new SubgraphDataSource(name, url ?? ''),
  });
  const server = new ApolloServer<GatewayContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  return { url, stop: () => server.stop() };
}
