import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';
import { databaseUrl, maintenanceUrlVariable, templateDatabase } from './test-postgres';

declare global {
  var testPostgres: { server?: EmbeddedPostgres; dataDir?: string } | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
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
    const dataDir = `.data/test-postgres-${process.pid}`;
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
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
  const template = new DataSource(
    dataSourceOptions(loadConfig({ DATABASE_URL: databaseUrl(templateDatabase) })),
  );
  await template.initialize();
  await template.runMigrations({ transaction: 'all' });
  await template.destroy();
}

export async function stopTestPostgres(): Promise<void> {
  const { server, dataDir } = globalThis.testPostgres ?? {};
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
