import { randomBytes } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../../src/common/logger';
import { loadConfig, type Config } from '../../src/config';
import { createContext } from '../../src/context';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { sqlLogger } from '../../src/database/sql-logger';
import { createAppServer, type AppServer } from '../../src/server';
import { databaseUrl as testDatabaseUrl, maintenanceUrl, templateDatabase } from './test-postgres';

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The first error's code, if any. */
/** POSTs an operation to a GraphQL endpoint as a client would (with this Authorization header, if any). */
export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  authorization?: string | null,
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

export function errorCode(response: GraphQLResponse<unknown>): unknown {
  return response.errors?.[0]?.extensions?.code;
}

export interface TestApp {
  db: DataSource;
  /** The server's GraphQL endpoint. */
  url: string;
  /** The app's own database, for tools that open connections of their own. */
  databaseUrl: string;
  server: AppServer;
  /** POSTs an operation to the running server, as a client would (with this Authorization header, if any). */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    authorization?: string | null,
  ): Promise<GraphQLResponse<TData>>;
  /** Runs an operation in-process through Apollo's executeOperation, with a real context. */
  execute<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>>;
  /** How many SQL statements `work` sent to the database. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: maintenanceUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of its own: a copy of the migrated template, with no one in it yet. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = `profilegraph_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateDatabase}`));
  return {
    url: testDatabaseUrl(database),
    async drop() {
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

/**
 * The real server, listening on a free port, over a database of its own (createTestDatabase),
 * dropped again by close().
 */
export async function startTestApp(settings: Partial<Config> = {}, logger?: Logger): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await startAppOn(database.url, settings, logger);
  return {
    ...app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** The real server over the database at `databaseUrl`, migrated first. close() leaves the database. */
export async function startAppOn(databaseUrl: string, settings: Partial<Config> = {}, logger?: Logger): Promise<TestApp> {
  const config = { ...loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl }), ...settings };
  const db = new DataSource(dataSourceOptions(config));
  await db.initialize();
  await db.runMigrations();
  const server = await createAppServer(db, config, logger ?? createLogger({ ...config, LOG_LEVEL: 'silent' }));
  const url = await server.listen(0);

  return {
    db,
    url,
    databaseUrl,
    server,
    query: (query, variables, authorization) => postGraphQL(url, query, variables, authorization),
    async execute(query, variables) {
      const response = await server.apollo.executeOperation({ query, variables }, { contextValue: createContext(db) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      return { status: response.http.status ?? 200, data: data as never, errors };
    },
    async countStatements(work) {
      const before = sqlLogger(db).total;
      await work();
      return sqlLogger(db).total - before;
    },
    async close() {
      await server.stop();
      await db.destroy();
    },
  };
}
