import type { CursorList } from '../common/connection';
import { parseTimestampIdKey, type TimestampIdKey } from '../common/cursor';
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

/** Every list of people (all of them, those with a skill) pages the same way. */
export const peopleList: CursorList<Person, TimestampIdKey> = {
  name: 'people',
  keyOf: (person) => [person.createdAt.toISOString(), person.id],
  parseKey: parseTimestampIdKey,
};
