import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context as ConnectionContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { Gauge, type Registry } from 'prom-client';
import { WebSocketServer } from 'ws';
import type { Viewer } from '../auth/viewer';
import type { ChangeEvents } from '../change-events/change-events';
import { createFormatError } from '../common/format-error';
import { acceptableTextRule } from '../common/input-text';
import { knownOperationTypesRule } from '../common/known-operation-types';
import type { Logger } from '../common/logger';
import { costLimitError, estimatedCost, queryLimitRules } from '../common/query-limits';
import type { Config } from '../config';
import { createContext, type Context } from '../context';
import type { RateLimit } from '../rate-limit/rate-limit';
import type { DataSource } from 'typeorm';
import type { LiveContext } from './live-context';

export const subscriptionLimitCode = 'SUBSCRIPTION_LIMIT_EXCEEDED';

interface Connection {
  viewer: Viewer | null;
  address: string | undefined;
  active: Set<string>;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  db: DataSource;
  config: Config;
  logger: Logger;
  registry: Registry;
  verifyToken: (authorization: string | undefined) => Promise<Viewer | null>;
  changes: ChangeEvents;
  rateLimit: RateLimit | null;
}

function refusal(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/** Apollo labels these for HTTP; the same labels here, so that formatError treats them alike. */
function labelled(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((error) =>
    error.extensions.code ? error : new GraphQLError(error.message, { nodes: error.nodes, originalError: error, extensions: { code } }),
  );
}

/**
 * GraphQL over WebSocket (graphql-ws) on the HTTP server's /graphql, for subscriptions only
 * (queries and mutations stay on HTTP, with their rate limits and logs). The token is checked
 * once, when the connection opens (connectionParams.authorization, as the Authorization header);
 * each subscription then meets the same limits as an HTTP operation (tokens, depth, aliases,
 * directives, cost, rate) and the caps on subscriptions per connection and per instance.
 * Returns the Apollo plugin that closes the sockets when the server drains.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): ApolloServerPlugin<Context> {
  const { schema, db, config, logger, verifyToken, changes, rateLimit } = options;
  const formatError = createFormatError({ exposeInternals: config.NODE_ENV === 'development', maxTokens: config.MAX_TOKENS });
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const rules = [...specifiedRules, knownOperationTypesRule, acceptableTextRule, ...queryLimitRules(config)];
  const connections = new WeakMap<ConnectionContext, Connection>();
  let activeTotal = 0;

  new Gauge({
    name: 'profilegraph_subscriptions_active',
    help: 'Subscriptions open on this instance.',
    registers: [options.registry],
    collect() {
      this.set(activeTotal);
    },
  });

  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: config.MAX_BODY_BYTES });
  const cleanup = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      async onConnect(ctx) {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const viewer = await verifyToken(typeof authorization === 'string' ? authorization : undefined);
          connections.set(ctx, { viewer, address: ctx.extra.request.socket.remoteAddress, active: new Set() });
          return true;
        } catch {
          // graphql-ws closes the socket with 4403 Forbidden.
          return false;
        }
      },
      async onSubscribe(ctx, id, payload) {
        const connection = connections.get(ctx);
        if (!connection) return [refusal('The connection is not initialised', 'UNAUTHENTICATED')];
        if (connection.active.size >= config.SUBSCRIPTIONS_PER_CONNECTION) {
          return [refusal(`At most ${config.SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`, subscriptionLimitCode)];
        }
        if (activeTotal >= config.SUBSCRIPTIONS_PER_INSTANCE) {
          return [refusal('This instance has no room for more subscriptions; try again later or elsewhere', subscriptionLimitCode)];
        }
        // The place is taken before the first await: subscriptions sent all at once are counted one by one.
        connection.active.add(id);
        activeTotal++;
        const refused = (errors: readonly GraphQLError[]) => {
          if (connection.active.delete(id)) activeTotal--;
          return errors;
        };
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: config.MAX_TOKENS });
        } catch (error) {
          return refused(labelled([error instanceof GraphQLError ? error : new GraphQLError(String(error))], 'GRAPHQL_PARSE_FAILED'));
        }
        const operationName = payload.operationName ?? undefined;
        const operation = getOperationAST(document, operationName);
        if (operation && operation.operation !== OperationTypeNode.SUBSCRIPTION) {
          return refused([refusal('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST')]);
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return refused(labelled(invalid, 'GRAPHQL_VALIDATION_FAILED'));
        const variableValues = payload.variables ?? {};
        const cost = estimatedCost(schema, document, operationName, variableValues);
        const tooCostly = cost === null ? null : costLimitError(config.MAX_QUERY_COST, cost);
        if (tooCostly) return refused([tooCostly]);
        try {
          await rateLimit?.consume(connection.viewer, connection.address, cost ?? 1);
        } catch (error) {
          if (error instanceof GraphQLError) return refused([error]);
          refused([]);
          throw error;
        }
        const contextValue: LiveContext = { ...createContext(db, randomUUID(), connection.viewer), changes };
        return { schema, document, operationName, variableValues, contextValue };
      },
      onComplete(ctx, id) {
        if (connections.get(ctx)?.active.delete(id)) activeTotal--;
      },
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors) return;
        const errors = format(result.errors);
        return { ...result, errors };
      },
      onError(_ctx, _id, _payload, errors) {
        return format(errors);
      },
    },
    wsServer,
  );

  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await cleanup.dispose();
          logger.debug('Subscriptions closed');
        },
      };
    },
  };
}
