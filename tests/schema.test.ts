import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchema } from 'graphql';
import { partialDateCheck } from '../src/common/partial-date';
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

  test('PartialDate columns accept real months and days only (TypeORM cannot compare CHECKs, so this does)', async () => {
    const definitions = await app.db.query<{ conname: string; definition: string }[]>(
      `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname LIKE '%date_check' ORDER BY 1`,
    );
    const pattern = /'([^']+)'/.exec(partialDateCheck('startDate'))?.[1];
    expect(definitions.map((row) => row.conname)).toEqual([
      'degree_end_date_check',
      'degree_start_date_check',
      'role_end_date_check',
      'role_start_date_check',
    ]);
    for (const row of definitions) expect(row.definition).toContain(pattern);
    const [{ id }] = await app.db.query<[{ id: number }]>(`INSERT INTO person (handle, name) VALUES ('dates', 'Dates') RETURNING id`);
    for (const bad of ['2019-13', '2019-00', '2019-05-32', '19']) {
      await expect(
        app.db.query(`INSERT INTO role ("personId", position, "startDate") VALUES ($1, 0, $2)`, [id, bad]),
      ).rejects.toMatchObject({ driverError: { code: '23514' } });
    }
    await app.db.query(`INSERT INTO role ("personId", position, "startDate") VALUES ($1, 0, '2019-12-31')`, [id]);
    await app.db.query(`DELETE FROM person WHERE id = $1`, [id]);
  });

  test('revert cleanly and apply again', async () => {
    const tables = async () =>
      (
        await app.db.query<{ tablename: string }[]>(
          `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`,
        )
      ).map((row) => row.tablename);
    expect(await tables()).toEqual(['degree', 'person', 'person_search', 'person_search_sample', 'person_skill', 'role', 'skill']);
    for (const _ of app.db.migrations) await app.db.undoLastMigration();
    expect(await tables()).toEqual([]);
    await app.db.runMigrations();
    expect(await tables()).toEqual(['degree', 'person', 'person_search', 'person_search_sample', 'person_skill', 'role', 'skill']);
    expect(await app.db.showMigrations()).toBe(false);
  });
});
