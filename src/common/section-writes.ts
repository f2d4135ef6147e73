import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { invalidInput, notFound } from './errors';
import type { NodeTypeName } from './node';
import { endsBeforeStart } from './partial-date-range';
import { idOf, lockPersonForEdit, touchPerson } from './writes';

/**
 * Roles and degrees are ordered sections of a profile: rows with a personId and a position (0 is
 * the top). One implementation of adding, changing, removing and reordering them, so both behave
 * the same; every write locks and versions the person it belongs to.
 */
export interface Section {
  table: 'role' | 'degree';
  typeName: NodeTypeName;
  /** Columns a client may write. */
  columns: readonly string[];
  /** Columns that may not be null. */
  required: readonly string[];
}

type Values = Record<string, unknown>;

interface SectionRow {
  id: number;
  personId: number;
  position: number;
  startDate: string | null;
  endDate: string | null;
}

function given(section: Section, input: Values): [string, unknown][] {
  const problems = section.required
    .filter((column) => input[column] === null)
    .map((column) => ({ path: ['input', column], message: 'cannot be null' }));
  if (problems.length) throw invalidInput(problems);
  return section.columns.filter((column) => input[column] !== undefined).map((column) => [column, input[column]]);
}

function checkPeriod(row: Values): void {
  if (endsBeforeStart(row.startDate as string | null, row.endDate as string | null)) {
    throw invalidInput([{ path: ['input', 'endDate'], message: `cannot be before the start date ${String(row.startDate)}` }]);
  }
}

/**
 * Locks an entry for a write: its person first (the order every profile write locks in, so that
 * none can deadlock), then the entry, making sure it still belongs to that person.
 */
async function lockEntryForEdit(
  manager: EntityManager,
  viewer: Viewer | null,
  section: Section,
  id: number,
  expectedVersion?: number | null,
): Promise<SectionRow> {
  const [owner] = await manager.query<{ personId: number }[]>(`SELECT "personId" FROM ${section.table} WHERE id = $1`, [id]);
  if (!owner) throw notFound(section.typeName, String(id));
  await lockPersonForEdit(manager, viewer, owner.personId, expectedVersion);
  const [row] = await manager.query<SectionRow[]>(`SELECT * FROM ${section.table} WHERE id = $1 FOR UPDATE`, [id]);
  if (!row || row.personId !== owner.personId) throw notFound(section.typeName, String(id));
  return row;
}

/** Adds an entry at `position` (0, the top, when not given); returns its id. */
export async function addEntry(
  db: DataSource,
  viewer: Viewer | null,
  section: Section,
  input: Values & { personId: string; position?: number | null; version?: number | null },
): Promise<number> {
  const personId = idOf(input.personId, 'Person', ['input', 'personId']);
  const values = given(section, input);
  checkPeriod(input);
  return db.transaction(async (manager) => {
    await lockPersonForEdit(manager, viewer, personId, input.version);
    const [{ count }] = await manager.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM ${section.table} WHERE "personId" = $1`,
      [personId],
    );
    const position = Math.min(input.position ?? 0, count);
    await manager.query(`UPDATE ${section.table} SET position = position + 1 WHERE "personId" = $1 AND position >= $2`, [
      personId,
      position,
    ]);
    const columns = ['"personId"', 'position', ...values.map(([column]) => `"${column}"`)];
    const params = [personId, position, ...values.map(([, value]) => value)];
    const [row] = await manager.query<{ id: number }[]>(
      `INSERT INTO ${section.table} (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      params,
    );
    await touchPerson(manager, personId);
    return (row as { id: number }).id;
  });
}

/** Changes the given fields of an entry; returns its id. */
export async function updateEntry(
  db: DataSource,
  viewer: Viewer | null,
  section: Section,
  input: Values & { id: string; version?: number | null },
): Promise<number> {
  const id = idOf(input.id, section.typeName, ['input', 'id']);
  const values = given(section, input);
  return db.transaction(async (manager) => {
    const row = await lockEntryForEdit(manager, viewer, section, id, input.version);
    checkPeriod({ ...row, ...Object.fromEntries(values) });
    if (values.length) {
      await manager.query(
        `UPDATE ${section.table} SET ${values.map(([column], i) => `"${column}" = $${i + 2}`).join(', ')} WHERE id = $1`,
        [id, ...values.map(([, value]) => value)],
      );
    }
    await touchPerson(manager, row.personId);
    return id;
  });
}

/** Removes an entry and closes the gap it leaves; returns the person's id. */
export async function removeEntry(
  db: DataSource,
  viewer: Viewer | null,
  section: Section,
  input: { id: string; version?: number | null },
): Promise<number> {
  const id = idOf(input.id, section.typeName, ['input', 'id']);
  return db.transaction(async (manager) => {
    const row = await lockEntryForEdit(manager, viewer, section, id, input.version);
    await manager.query(`DELETE FROM ${section.table} WHERE id = $1`, [id]);
    await manager.query(`UPDATE ${section.table} SET position = position - 1 WHERE "personId" = $1 AND position > $2`, [
      row.personId,
      row.position,
    ]);
    await touchPerson(manager, row.personId);
    return row.personId;
  });
}

/** Puts a person's entries in the order given, which must name each of them exactly once. */
export async function reorderEntries(
  db: DataSource,
  viewer: Viewer | null,
  section: Section,
  input: { personId: string; ids: string[]; version?: number | null },
  idsField: string,
): Promise<number> {
  const personId = idOf(input.personId, 'Person', ['input', 'personId']);
  const ids = input.ids.map((globalId, i) => idOf(globalId, section.typeName, ['input', idsField, i]));
  return db.transaction(async (manager) => {
    await lockPersonForEdit(manager, viewer, personId, input.version);
    const current = await manager.query<{ id: number }[]>(`SELECT id FROM ${section.table} WHERE "personId" = $1`, [personId]);
    const expected = new Set(current.map((row) => row.id));
    if (ids.length !== expected.size || new Set(ids).size !== ids.length || !ids.every((id) => expected.has(id))) {
      throw invalidInput([{ path: ['input', idsField], message: `must list each of the person's ${expected.size} entries exactly once` }]);
    }
    await manager.query(
      `UPDATE ${section.table} t SET position = ordered.n - 1
       FROM unnest($1::int[]) WITH ORDINALITY AS ordered(id, n) WHERE t.id = ordered.id`,
      [ids],
    );
    await touchPerson(manager, personId);
    return personId;
  });
}
