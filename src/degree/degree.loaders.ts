import type { DataSource } from 'typeorm';
import { limitedListLoader, loaderById, profileSectionQuery } from '../common/batch';
import type { Degree } from './degree.entity';

const degreesOfPeople = profileSectionQuery('degree');

export function createDegreeLoaders(db: DataSource) {
  return {
    degreeById: loaderById('degreeById', (ids) => db.query<Degree[]>('SELECT * FROM degree WHERE id = ANY($1::int[])', [ids])),

    /** Profile order. */
    degreesByPersonId: limitedListLoader(
      'degreesByPersonId',
      (personIds, limit) => db.query<Degree[]>(degreesOfPeople, [personIds, limit]),
      (degree) => degree.personId,
    ),
  };
}

export type DegreeLoaders = ReturnType<typeof createDegreeLoaders>;
