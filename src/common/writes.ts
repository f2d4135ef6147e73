import type { EntityManager } from 'typeorm';
import { requireEditor, requireViewer } from '../auth/authorize';
import { notePersonChanged } from '../change-events/after-commit';
import type { Viewer } from '../auth/viewer';
import { conflict, invalidInput, notFound } from './errors';
import { fromGlobalId, type NodeTypeName } from './node';

/** The database id behind a global ID of the expected type, or BAD_USER_INPUT naming the field. */
export function idOf(globalId: string, typeName: NodeTypeName, field: (string | number)[]): number {
  const decoded = fromGlobalId(globalId);
  if (decoded?.typeName !== typeName) throw invalidInput([{ path: field, message: `is not the ID of a ${typeName}` }]);
  return decoded.id;
}

export interface LockedPerson {
  id: number;
  handle: string;
  subject: string | null;
  version: number;
}

/**
 * Starts a write to a person's profile: locks the person's row for the rest of the transaction
 * (writes to one profile queue up instead of overwriting each other; the person is always locked
 * first, so two writes cannot deadlock), then startEdit's checks.
 */
export async function lockPersonForEdit(
  manager: EntityManager,
  viewer: Viewer | null,
  personId: number,
  expectedVersion?: number | null,
): Promise<LockedPerson> {
  requireViewer(viewer);
  const [person] = await manager.query<LockedPerson[]>('SELECT id, handle, subject, version FROM person WHERE id = $1 FOR UPDATE', [
    personId,
  ]);
  if (!person) throw notFound('Person', String(personId));
  return startEdit(manager, viewer, person, expectedVersion);
}

/**
 * For a person whose row the transaction has locked (FOR UPDATE): checks that the viewer may edit
 * it, and only then that the version the client read is current (a stranger learns nothing from
 * CONFLICT).
 */
export function startEdit(
  manager: EntityManager,
  viewer: Viewer | null,
  person: LockedPerson,
  expectedVersion?: number | null,
): LockedPerson {
  requireEditor(viewer, person);
  if (expectedVersion != null && expectedVersion !== person.version) {
    throw conflict(`The profile changed meanwhile (version ${person.version}, not ${expectedVersion}); read it again`, [
      'input',
      'version',
    ]);
  }
  // Every edit of a profile passes here; if its transaction commits, subscribers hear of it.
  notePersonChanged(manager, person.id);
  return person;
}

/** Every write to a profile, its sections included, moves its version on. */
export async function touchPerson(manager: EntityManager, personId: number): Promise<void> {
  await manager.query('UPDATE person SET version = version + 1, "updatedAt" = now() WHERE id = $1', [personId]);
}

/** PostgreSQL's unique_violation on the named constraint, for turning into a CONFLICT. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError: unknown = typeof error === 'object' && error !== null ? (Reflect.get(error, 'driverError') ?? error) : error;
  return (
    typeof driverError === 'object' &&
    driverError !== null &&
    Reflect.get(driverError, 'code') === '23505' &&
    Reflect.get(driverError, 'constraint') === constraint
  );
}
