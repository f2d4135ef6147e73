import type { DataSource } from 'typeorm';
import { limitedListLoader, loaderById, profileSectionQuery } from '../common/batch';
import { queryJsonRows, queryRows } from '../database/read-queries';
import type { Degree } from './degree.entity';

const degreesOfPeople = profileSectionQuery('degree');

export function createDegreeLoaders(db: DataSource) {
  return {
    degreeById: loaderById('degreeById', (ids) => queryRows<Degree>(db, 'SELECT * FROM degree WHERE id = ANY($1::int[])', [ids])),

    /** Profile order. */
    degreesByPersonId: limitedListLoader(
      'degreesByPersonId',
      (personIds, limit) => queryJsonRows<Degree>(db, ...degreesOfPeople(personIds, limit)),
      (degree) => degree.personId,
    ),
  };
}

export type DegreeLoaders = ReturnType<typeof createDegreeLoaders>;
