import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from './service-process';
import { databaseUrl, maintenanceUrlVariable, templateDatabase } from './test-postgres';

declare global {
  var testPostgres: { server?: EmbeddedPostgres; dataDir?: string } | undefined;
}

/**
 * One real PostgreSQL for the whole run: a fresh embedded one, or the server named by
 * TEST_DATABASE_URL (e.g. another PostgreSQL version). Migrations are applied once, to a template
 * database that every test file copies into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  let maintenance = process.env.TEST_DATABASE_URL;
  globalThis.testPostgres = {};
  if (!maintenance) {
    // Under the system's temporary folder, which the postgres user can reach wherever the clone is.
    const dataDir = join(tmpdir(), `profilegraph-test-${process.pid}`);
    const server = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: await freePort(),
      database: 'postgres',
    });
    globalThis.testPostgres = { server, dataDir };
    maintenance = server.url;
  }
  process.env[maintenanceUrlVariable] = maintenance;

  const admin = new Client({ connectionString: maintenance });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateDatabase}`);
  } finally {
    await admin.end();
  }
  const template = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: databaseUrl(templateDatabase) })));
  await template.initialize();
  await template.runMigrations({ transaction: 'all' });
  await template.destroy();
}

export async function stopTestPostgres(): Promise<void> {
  const { server, dataDir } = globalThis.testPostgres ?? {};
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
