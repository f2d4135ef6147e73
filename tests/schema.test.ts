import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { createSchema } from '../src/schema';
import { startTestApp, type TestApp } from './support/test-app';

test('schema.graphql is the schema the code builds', async () => {
  const committed = readFileSync(resolve(__dirname, '../schema.graphql'), 'utf8');
  expect(committed).toBe(`${printSchema(await createSchema())}\n`);
});

describe('migrations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  test('leave nothing for the entities to change', async () => {
    const pending = await app.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  test('revert cleanly and apply again', async () => {
    const tables = async () =>
      (
        await app.db.query<{ tablename: string }[]>(
          `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`,
        )
      ).map((row) => row.tablename);
    expect(await tables()).toEqual(['degree', 'person', 'person_skill', 'role', 'skill']);
    for (const _ of app.db.migrations) await app.db.undoLastMigration();
    expect(await tables()).toEqual([]);
    await app.db.runMigrations();
    expect(await tables()).toEqual(['degree', 'person', 'person_skill', 'role', 'skill']);
    expect(await app.db.showMigrations()).toBe(false);
  });
});
