import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerOptionsWithSchema, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ErrorCode } from './common/errors';
import { createFormatError } from './common/format-error';
import { acceptableTextPlugin, acceptableTextRule, checkText } from './common/input-text';
import { knownOperationTypesRule } from './common/known-operation-types';
import type { Logger } from './common/logger';
import { createMetrics, type PoolStats } from './common/metrics';
import { queryCostPlugin, queryLimitRules } from './common/query-limits';
import { runInRequestScope, type RequestScope } from './common/request-scope';
import { graphqlPostsFirst, batchLimitMessage } from './http/graphql-posts';
import { sendBodyProblem, sendErrors } from './http/json-errors';
import { observeRequest, scopeOf } from './http/request-observation';
import { createTokenVerifier } from './auth/tokens';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { isDatabaseUnavailable } from './database/database-errors';
import { startSubgraphServer, subgraphPath } from './federation';
import { compiledQueriesPlugin } from './execution/compiled-queries';
import { exportResume } from './resume/resume.service';
import { noSections } from './person/profile-lookahead';
import { serveSubscriptions } from './live/subscription-server';
import { subscriptionsOverWebSocketOnly } from './live/http-subscriptions';
import { rateLimitPlugin } from './rate-limit/rate-limit';
import { redisWritePositions } from './redis/write-positions';
import { createSharedServices } from './redis/shared-services';
import { startReadReplicas } from './replicas';
import { createSchema } from './schema';
import { skillIds } from './skill/skill-ids';
import { landingPagePlugin, legacyJsonStatusPlugin, noStorePlugin, requestObserverPlugin } from './server-plugins';
import type { RequestTracing } from './tracing';
import { mountWebUi } from './web/web-ui';

export interface AppServer {
  apollo: ApolloServer<Context>;
  httpServer: Server;
  /** Starts listening; port 0 picks a free one. Resolves to the GraphQL endpoint's URL. */
  listen(port: number): Promise<string>;
  /** Stops taking requests, lets those in flight finish (bounded), then stops. Safe to call twice. */
  stop(): Promise<void>;
}

function poolStats(db: DataSource): PoolStats {
  const pool = (db.driver as PostgresDriver).master as { totalCount: number; idleCount: number; waitingCount: number } | undefined;
  if (!pool) return { inUse: 0, idle: 0, waiting: 0 };
  return { inUse: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

// Requests that never reach GraphQL (bodies that do not parse, are too big, ...) still get a
// GraphQL-shaped JSON error, not express's HTML page with a stack trace.
const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  switch (error.type) {
    case 'entity.too.large':
      return sendBodyProblem(res, 'tooLarge');
    case 'entity.parse.failed':
      return sendBodyProblem(res, 'notJson');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return sendBodyProblem(res, 'notUtf8');
    default:
      if (error.status && error.status >= 400 && error.status < 500) return sendBodyProblem(res, 'unreadable', error.status);
      return next(error);
  }
};

export async function createAppServer(db: DataSource, config: Config, logger: Logger, tracing?: RequestTracing): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  // express hashes every body it sends for an ETag; GraphQL answers are no-store (noStorePlugin), so
  // no client ever revalidates one, and the hash was a percent of the profile page's CPU. Static
  // assets keep theirs (express.static sets its own).
  app.set('etag', false);
  const metrics = createMetrics(() => poolStats(db));
  const verifyToken = createTokenVerifier(config);
  // A GraphQL request's context, however it came in. An invalid token fails the whole request
  // (401), before any resolver runs.
  const requestContext = async (req: IncomingMessage, scope: RequestScope) =>
    createContext(db, scope.requestId, await verifyToken(req.headers.authorization));
  // Filled in below, once each endpoint's Apollo Server has started.
  const endpoints = new Map<string, ApolloServer<Context>>();
  const httpServer = createHttpServer(
    graphqlPostsFirst(
      endpoints,
      {
        metrics,
        logger,
        tracing,
        maxBodyBytes: config.MAX_BODY_BYTES,
        maxBatchOperations: config.MAX_BATCH_OPERATIONS,
        context: requestContext,
      },
      app,
    ),
  );
  const shared = createSharedServices(db, config, logger, metrics.registry);
  // With Redis, every instance knows each account's latest write (read-your-writes on any of them).
  const replicas = await startReadReplicas(db, config, logger, ...(shared.redis ? [redisWritePositions(shared.redis)] : []));
  replicas?.registerMetrics(metrics.registry);

  // /graphql and the federation subgraph (/subgraph) answer with the same limits, errors and observers.
  const serverOptions = (schema: GraphQLSchema, plugins: ApolloServerPlugin<Context>[]): ApolloServerOptionsWithSchema<Context> => ({
    schema,
    ...shared.apolloOptions,
    introspection: config.INTROSPECTION,
    // main.ts owns the signals: it stops the server, then the pool, then the embedded database.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    hideSchemaDetailsFromClientErrors: config.NODE_ENV === 'production',
    allowBatchedHttpRequests: config.MAX_BATCH_OPERATIONS > 0,
    parseOptions: { maxTokens: config.MAX_TOKENS },
    validationRules: [knownOperationTypesRule, acceptableTextRule, ...queryLimitRules(config)],
    formatError: createFormatError({ exposeInternals: config.NODE_ENV === 'development', maxTokens: config.MAX_TOKENS }),
    plugins: [
      acceptableTextPlugin(),
      queryCostPlugin(config.MAX_QUERY_COST),
      requestObserverPlugin(logger),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      legacyJsonStatusPlugin(),
      compiledQueriesPlugin(metrics.compiledQueryStats),
      ...(tracing ? [tracing.plugin] : []),
      ...(replicas ? [replicas.plugin] : []),
      ...plugins,
    ],
  });
  await skillIds(db).preload();
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>(
    serverOptions(schema, [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.SHUTDOWN_GRACE_MS }),
      landingPagePlugin(config.INTROSPECTION),
      ...shared.plugins,
      subscriptionsOverWebSocketOnly(),
      serveSubscriptions({ httpServer, schema, db, config, logger, registry: metrics.registry, verifyToken, ...shared }),
    ]),
  );
  await apollo.start();
  const subgraph = config.FEDERATION_SUBGRAPH
    ? await startSubgraphServer(
        (subgraphSchema) => serverOptions(subgraphSchema, shared.rateLimit ? [rateLimitPlugin(shared.rateLimit)] : []),
        schema,
      )
    : undefined;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready', ...replicas?.readiness(), ...shared.readiness() });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  mountWebUi(app, { db, config });
  // The same document as Person.resume, for tools that speak JSON Resume rather than GraphQL.
  app.get('/people/:handle/resume.json', async (req, res, next) => {
    try {
      checkText({ handle: req.params.handle });
      const context = createContext(db, randomUUID(), await verifyToken(req.headers.authorization));
      const person = await context.loaders.personByHandle.load({ key: req.params.handle, sections: noSections });
      if (!person) return sendErrors(res, 404, 'NOT_FOUND', `No profile has the handle ${JSON.stringify(req.params.handle)}`);
      // The document depends on who asks (contact details): no shared cache may keep it.
      res.set({ 'Cache-Control': 'private, no-store', Vary: 'Authorization' });
      res.json(await exportResume(person, context));
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.Unauthenticated) {
        return sendErrors(res, 401, ErrorCode.Unauthenticated, error.message);
      }
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput) {
        const { field, problems } = error.extensions;
        return sendErrors(res, 400, ErrorCode.BadUserInput, error.message, { field, problems });
      }
      if (isDatabaseUnavailable(error)) return sendErrors(res, 503, ErrorCode.ServiceUnavailable, 'The database is unavailable right now');
      next(error);
    }
  });

  const context = ({ req, res }: ExpressContextFunctionArgument) => requestContext(req, scopeOf(res) as RequestScope);
  // The GraphQL requests that graphqlPostsFirst leaves to express (GET, the landing page, bodies
  // other than plain JSON) get the same scope, body limits and batching rules.
  const graphqlRequest: RequestHandler[] = [
    (req, res, next) => {
      observeRequest(req, res, { metrics, logger, tracing });
      next();
    },
    express.json({ limit: config.MAX_BODY_BYTES }),
    (req, res, next) => {
      if (Array.isArray(req.body) && req.body.length > config.MAX_BATCH_OPERATIONS) {
        return sendErrors(res, 400, 'BATCH_LIMIT_EXCEEDED', batchLimitMessage(config.MAX_BATCH_OPERATIONS));
      }
      // Everything from here on (resolvers, loaders, SQL) counts against this request.
      runInRequestScope(scopeOf(res) as RequestScope, next);
    },
  ];
  app.use('/graphql', ...graphqlRequest, expressMiddleware(apollo, { context }));
  endpoints.set('/graphql', apollo);
  if (subgraph) {
    app.use(subgraphPath, ...graphqlRequest, expressMiddleware(subgraph, { context }));
    endpoints.set(subgraphPath, subgraph);
  }
  app.use(bodyErrors);
  app.use(((error, _req, res, next) => {
    if (res.headersSent) return next(error);
    logger.error({ err: error }, 'request failed');
    sendErrors(res, 500, ErrorCode.InternalServerError, 'Internal server error');
  }) satisfies ErrorRequestHandler);
  app.use((_req, res) => {
    sendErrors(res, 404, 'NOT_FOUND', 'No such route; GraphQL is served at /graphql');
  });

  let stopping: Promise<void> | undefined;
  return {
    apollo,
    httpServer,
    listen: (port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => {
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://localhost:${actual}/graphql`);
        });
      }),
    stop() {
      // Draining the HTTP server (apollo's plugin) waits for /subgraph's requests too.
      stopping ??= apollo
        .stop()
        .then(() => subgraph?.stop())
        .finally(() => replicas?.close());
      return stopping;
    },
  };
}
