import type { DataSource } from 'typeorm';
import { limitedListLoader, loaderById, profileSectionQuery } from '../common/batch';
import { queryJsonRows, queryRows } from '../database/read-queries';
import type { Role } from './role.entity';

const rolesOfPeople = profileSectionQuery('role');

export function createRoleLoaders(db: DataSource) {
  return {
    roleById: loaderById('roleById', (ids) => queryRows<Role>(db, 'SELECT * FROM role WHERE id = ANY($1::int[])', [ids])),

    /** Profile order, most recent first. */
    rolesByPersonId: limitedListLoader(
      'rolesByPersonId',
      (personIds, limit) => queryJsonRows<Role>(db, ...rolesOfPeople(personIds, limit)),
      (role) => role.personId,
    ),
  };
}

export type RoleLoaders = ReturnType<typeof createRoleLoaders>;
