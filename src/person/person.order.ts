import type { TimestampIdKey } from '../common/cursor';
import type { KeysetOrder } from '../common/keyset';
import type { Person } from './person.entity';

/** People lists read newest first; the id breaks ties between equal timestamps. */
export function personOrder(alias: string): KeysetOrder {
  return {
    columns: [
      { sql: `${alias}."createdAt"`, type: 'timestamptz' },
      { sql: `${alias}.id`, type: 'int' },
    ],
    direction: 'DESC',
  };
}

export function personKey(person: Person): TimestampIdKey {
  return [person.createdAt.toISOString(), person.id];
}
