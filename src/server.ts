import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createFormatError } from './common/format-error';
import type { Config } from './config';
import { createContext, type Context } from './context';
import { createSchema } from './schema';

export type ServerConfig = Pick<Config, 'NODE_ENV' | 'INTROSPECTION'>;

export interface AppServer {
  apollo: ApolloServer<Context>;
  httpServer: Server;
  /** Starts listening; port 0 picks a free one. Resolves to the GraphQL endpoint's URL. */
  listen(port: number): Promise<string>;
  /** Stops taking requests, lets those in flight finish, then stops. Safe to call twice. */
  stop(): Promise<void>;
}

// Internal errors reach clients masked (see formatError); the log keeps what happened.
const logInternalErrors: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (!(error.originalError instanceof GraphQLError) && error.originalError) {
            console.error(`[request ${contextValue.requestId}]`, error.originalError);
          }
        }
      },
    };
  },
};

export function createApolloServer(
  schema: GraphQLSchema,
  config: ServerConfig,
  extraPlugins: ApolloServerPlugin<Context>[] = [],
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema,
    introspection: config.INTROSPECTION,
    includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
    formatError: createFormatError(config.NODE_ENV === 'development'),
    plugins: [
      ...extraPlugins,
      logInternalErrors,
      // Sandbox explores the schema through introspection, so it comes and goes with it.
      config.INTROSPECTION
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
}

export async function createAppServer(db: DataSource, config: ServerConfig): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createHttpServer(app);
  const apollo = createApolloServer(await createSchema(), config, [
    ApolloServerPluginDrainHttpServer({ httpServer }),
  ]);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/', (_req, res) => {
    res.redirect('/graphql');
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => createContext(db) }),
  );

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
      stopping ??= httpServer.listening ? apollo.stop() : Promise.resolve();
      return stopping;
    },
  };
}
