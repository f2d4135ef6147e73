import type { DataSource } from 'typeorm';
import { createLoader, loaderById, rowsByKey } from '../common/batch';
import { queryRows } from '../database/read-queries';
import type { Person } from './person.entity';

export function createPersonLoaders(db: DataSource) {
  return {
    personById: loaderById('personById', (ids) => queryRows<Person>(db, 'SELECT * FROM person WHERE id = ANY($1::int[])', [ids])),

    /** Keyed by the handle as given; matches regardless of case. */
    personByHandle: createLoader<string, Person | null>('personByHandle', async (handles) => {
      const lowered = handles.map((handle) => handle.toLowerCase());
      const rows = await queryRows<Person>(db, 'SELECT * FROM person WHERE lower(handle) = ANY($1::text[])', [lowered]);
      return rowsByKey(lowered, rows, (row) => row.handle.toLowerCase());
    }),

    /** The profile a token's subject owns. */
    personBySubject: createLoader<string, Person | null>('personBySubject', async (subjects) => {
      const rows = await queryRows<Person>(db, 'SELECT * FROM person WHERE subject = ANY($1::text[])', [subjects]);
      return rowsByKey(subjects, rows, (row) => row.subject ?? '');
    }),
  };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
