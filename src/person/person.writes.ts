import type { DataSource } from 'typeorm';
import { requireViewer } from '../auth/authorize';
import type { Viewer } from '../auth/viewer';
import { conflict, invalidInput } from '../common/errors';
import { notePersonChanged } from '../change-events/after-commit';
import { idOf, isUniqueViolation, lockPersonForEdit } from '../common/writes';
import type { Person } from './person.entity';
import type { CreatePersonInput, DeletePersonInput, UpdatePersonInput } from './person.inputs';

// Columns a client may write, in one place, so that create and update agree.
const writableColumns = [
  'handle',
  'name',
  'headline',
  'summary',
  'location',
  'availability',
  'email',
  'phone',
  'website',
  'authorizedToWorkIn',
  'jobCategories',
] as const;
type WritableColumn = (typeof writableColumns)[number];
const requiredColumns: readonly WritableColumn[] = ['handle', 'name'];
const listColumns: readonly WritableColumn[] = ['authorizedToWorkIn', 'jobCategories'];

/** A link others will click: http(s) only (no javascript: or data:), and short enough to store. */
export function webAddress(url: URL, path: (string | number)[]): string {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidInput([{ path, message: 'must be an http or https address' }]);
  if (url.href.length > 2048) throw invalidInput([{ path, message: 'must be at most 2048 characters' }]);
  return url.href;
}

function handleTaken(handle: string) {
  return conflict(`The handle ${JSON.stringify(handle)} is taken`, ['input', 'handle']);
}

/** The given fields as column values: undefined means "not given", null clears (lists become []). */
function columnValues(input: Partial<Record<WritableColumn, unknown>>): [WritableColumn, unknown][] {
  const problems = requiredColumns
    .filter((column) => input[column] === null)
    .map((column) => ({ path: ['input', column], message: 'cannot be null' }));
  if (problems.length) throw invalidInput(problems);
  return writableColumns
    .filter((column) => input[column] !== undefined)
    .map((column) => {
      const value = input[column];
      if (value === null && listColumns.includes(column)) return [column, []];
      if (value instanceof URL) return [column, webAddress(value, ['input', column])];
      return [column, value];
    });
}

export async function createPerson(db: DataSource, viewer: Viewer | null, input: CreatePersonInput): Promise<Person> {
  const creator = requireViewer(viewer);
  // An account owns one profile; admins create profiles that no account owns yet.
  const owner = creator.admin ? null : creator.subject;
  const values = columnValues(input);
  return db.transaction(async (manager) => {
    if (owner) {
      const [existing] = await manager.query<{ handle: string }[]>('SELECT handle FROM person WHERE subject = $1', [owner]);
      if (existing) throw conflict(`This account already has a profile (${existing.handle})`);
    }
    const columns = [...values.map(([column]) => `"${column}"`), 'subject'];
    const params = [...values.map(([, value]) => value), owner];
    try {
      const [person] = await manager.query<Person[]>(
        `INSERT INTO person (${columns.join(', ')}) VALUES (${params.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING *`,
        params,
      );
      return person as Person;
    } catch (error) {
      if (isUniqueViolation(error, 'person_handle_lower_key')) throw handleTaken(input.handle);
      if (isUniqueViolation(error, 'person_subject_key')) throw conflict('This account already has a profile');
      throw error;
    }
  });
}

export async function updatePerson(db: DataSource, viewer: Viewer | null, input: UpdatePersonInput): Promise<Person> {
  const personId = idOf(input.id, 'Person', ['input', 'id']);
  const values = columnValues(input);
  return db.transaction(async (manager) => {
    await lockPersonForEdit(manager, viewer, personId, input.version);
    const assignments = values.map(([column], i) => `"${column}" = $${i + 2}`);
    try {
      // TypeORM answers an UPDATE with [rows, rowCount].
      const [[person]] = await manager.query<[Person[], number]>(
        `UPDATE person SET ${[...assignments, 'version = version + 1', '"updatedAt" = now()'].join(', ')}
         WHERE id = $1 RETURNING *`,
        [personId, ...values.map(([, value]) => value)],
      );
      return person as Person;
    } catch (error) {
      if (isUniqueViolation(error, 'person_handle_lower_key')) throw handleTaken(String(input.handle));
      throw error;
    }
  });
}

/** Deletes the profile with its roles, degrees and skill links; the skills themselves stay. */
export async function deletePerson(db: DataSource, viewer: Viewer | null, input: DeletePersonInput): Promise<void> {
  const personId = idOf(input.id, 'Person', ['input', 'id']);
  await db.transaction(async (manager) => {
    await lockPersonForEdit(manager, viewer, personId, input.version);
    await manager.query('DELETE FROM person WHERE id = $1', [personId]);
    notePersonChanged(manager, personId, 'deleted');
  });
}
