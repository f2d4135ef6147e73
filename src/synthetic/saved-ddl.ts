import type { ClientBase } from 'pg';
import { inParallel } from './parallel';

/**
 * A bulk load runs fastest into tables without secondary indexes, foreign keys or triggers. Their
 * definitions, as the catalog gives them, go into this table in the same transaction that drops
 * them, and come out again when they are rebuilt: a load that dies half-way leaves them here, and
 * the next run rebuilds them before it does anything else. Nothing else may be lost that way.
 */
const savedTable = 'synthetic_load_saved_ddl';

type SavedKind = 'index' | 'unique constraint' | 'foreign key' | 'trigger';

interface Saved {
  kind: SavedKind;
  /** As regclass prints it: quoted if need be, schema-qualified if off the search path. */
  tableName: string;
  /** An index as regclass prints it; a constraint or trigger name as it is. */
  name: string;
  definition: string;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function savedTableExists(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [savedTable]);
  return rows[0]?.exists ?? false;
}

/** What a previous run saved and never restored (nothing, normally). */
export async function leftoverCount(client: ClientBase): Promise<number> {
  if (!(await savedTableExists(client))) return 0;
  const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${savedTable}`);
  return rows[0]?.count ?? 0;
}

/**
 * Saves, then drops, the secondary indexes, unique constraints and foreign keys of `tables`, and
 * disables their user triggers; all in one transaction, so that either all of it is saved and
 * gone or none of it is. Primary keys and CHECKs stay.
 */
export async function saveAndDrop(client: ClientBase, tables: readonly string[]): Promise<number> {
  await client.query('BEGIN');
  try {
    // A running service holds locks on these tables between requests only: wait a little, not forever.
    await client.query(`SET LOCAL lock_timeout = '15s'`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${savedTable} (
      kind text NOT NULL, "tableName" text NOT NULL, name text NOT NULL, definition text NOT NULL,
      PRIMARY KEY (kind, "tableName", name))`);
    const relations = `ARRAY(SELECT to_regclass(t)::oid FROM unnest($1::text[]) t)`;
    // Added to (not replacing) whatever a failed run left, which is no longer in the catalog.
    await client.query(
      `INSERT INTO ${savedTable} (kind, "tableName", name, definition)
       SELECT CASE contype WHEN 'f' THEN 'foreign key' ELSE 'unique constraint' END, conrelid::regclass::text, conname,
              pg_get_constraintdef(oid)
       FROM pg_constraint WHERE conrelid = ANY(${relations}) AND contype IN ('f', 'u', 'x')
       UNION ALL
       SELECT 'index', indrelid::regclass::text, indexrelid::regclass::text, pg_get_indexdef(indexrelid)
       FROM pg_index i WHERE indrelid = ANY(${relations}) AND NOT indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       UNION ALL
       SELECT 'trigger', tgrelid::regclass::text, tgname, ''
       FROM pg_trigger WHERE tgrelid = ANY(${relations}) AND NOT tgisinternal AND tgenabled <> 'D'
       ON CONFLICT DO NOTHING`,
      [tables],
    );
    const saved = await savedItems(client);
    for (const item of saved.filter((i) => i.kind === 'foreign key' || i.kind === 'unique constraint')) {
      await client.query(`ALTER TABLE ${item.tableName} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(item.name)}`);
    }
    for (const item of saved.filter((i) => i.kind === 'index')) await client.query(`DROP INDEX IF EXISTS ${item.name}`);
    for (const table of tables) await client.query(`ALTER TABLE ${quoteIdentifier(table)} DISABLE TRIGGER USER`);
    await client.query('COMMIT');
    return saved.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function savedItems(client: ClientBase): Promise<Saved[]> {
  const { rows } = await client.query<Saved>(`SELECT kind, "tableName", name, definition FROM ${savedTable}`);
  return rows;
}

async function forget(client: ClientBase, item: Saved): Promise<void> {
  await client.query(`DELETE FROM ${savedTable} WHERE kind = $1 AND "tableName" = $2 AND name = $3`, [
    item.kind,
    item.tableName,
    item.name,
  ]);
}

export interface RestoreTimings {
  indexesMs: number;
  keysMs: number;
}

/** Rebuilds the saved indexes of `tables` only (a later step needs them), on all `clients` at once. */
export async function restoreIndexes(clients: readonly ClientBase[], tables: readonly string[]): Promise<void> {
  const [control] = clients;
  if (!control || !(await savedTableExists(control))) return;
  const wanted = new Set(tables.map(quoteIdentifier).concat(tables));
  await rebuildIndexes(
    clients,
    (await savedItems(control)).filter((item) => wanted.has(item.tableName)),
  );
}

async function rebuildIndexes(clients: readonly ClientBase[], saved: readonly Saved[]): Promise<void> {
  const indexes = saved.filter((item) => item.kind === 'index').sort((a, b) => buildCost(b) - buildCost(a));
  await inParallel(clients, indexes, async (client, item) => {
    const { rows } = await client.query<{ missing: boolean }>('SELECT to_regclass($1) IS NULL AS missing', [item.name]);
    if (rows[0]?.missing) await client.query(item.definition);
    await forget(client, item);
  });
}

/**
 * Rebuilds everything saved: indexes on all `clients` at once (slowest kinds first), then foreign
 * keys (added NOT VALID one by one, which is instant, then validated in parallel), then triggers.
 * Each item is forgotten as soon as it is back, so a failure leaves only what is still missing.
 */
export async function restoreSaved(clients: readonly ClientBase[]): Promise<RestoreTimings> {
  const [control] = clients;
  if (!control || !(await savedTableExists(control))) return { indexesMs: 0, keysMs: 0 };
  const saved = await savedItems(control);

  const indexesStarted = performance.now();
  await rebuildIndexes(clients, saved);
  const indexesMs = performance.now() - indexesStarted;

  const keysStarted = performance.now();
  const constraints = saved.filter((item) => item.kind === 'unique constraint' || item.kind === 'foreign key');
  for (const item of constraints) {
    const { rows } = await control.query<{ missing: boolean }>(
      'SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2) AS missing',
      [item.tableName, item.name],
    );
    const notValid = item.kind === 'foreign key' && !/NOT VALID$/.test(item.definition) ? ' NOT VALID' : '';
    if (rows[0]?.missing) {
      await control.query(`ALTER TABLE ${item.tableName} ADD CONSTRAINT ${quoteIdentifier(item.name)} ${item.definition}${notValid}`);
    }
  }
  // VALIDATE takes a lock that lets other validations, of other tables, run at the same time.
  await inParallel(clients, constraints, async (client, item) => {
    if (item.kind === 'foreign key' && !/NOT VALID$/.test(item.definition)) {
      await client.query(`ALTER TABLE ${item.tableName} VALIDATE CONSTRAINT ${quoteIdentifier(item.name)}`);
    }
    await forget(client, item);
  });
  for (const item of saved.filter((i) => i.kind === 'trigger')) {
    await control.query(`ALTER TABLE ${item.tableName} ENABLE TRIGGER ${quoteIdentifier(item.name)}`);
    await forget(control, item);
  }
  const keysMs = performance.now() - keysStarted;

  if ((await leftoverCount(control)) === 0) await control.query(`DROP TABLE IF EXISTS ${savedTable}`);
  return { indexesMs, keysMs };
}

// GIN indexes take longest to build; starting the slowest first keeps both connections busy to the end.
function buildCost(item: Saved): number {
  return (/USING gin/i.test(item.definition) ? 2 : 1) * (item.tableName.includes('search') ? 2 : 1);
}
