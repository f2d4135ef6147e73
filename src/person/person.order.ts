import { badUserInput } from '../common/errors';
import type { CursorList } from '../common/connection';
import { parseRankIdKey, parseTextIdKey, parseTimestampIdKey, type CursorKey, type TimestampIdKey } from '../common/cursor';
import type { KeysetOrder } from '../common/keyset';
import { OrderDirection } from '../common/order';
import type { Person } from './person.entity';
import { PersonOrderField, type PersonOrder } from './person.filter';

/** A person row as lists read it: with its search rank when the list is a search. */
export type ListedPerson = Person & { searchRank?: number | null };

/** Every list of people (all of them, those with a skill) pages the same way by default. */
export const peopleList: CursorList<Person, TimestampIdKey> = {
  name: 'people',
  keyOf: (person) => [person.createdAt.toISOString(), person.id],
  parseKey: parseTimestampIdKey,
};

/** How a people list is ordered and its cursors made, for one PersonOrder field. */
interface PeopleOrdering {
  list: CursorList<ListedPerson, CursorKey>;
  columns: (alias: string) => KeysetOrder['columns'];
  defaultDirection: OrderDirection;
}

// Each order has its own cursor list name, so that a cursor from one order is refused by another.
const orderings: Record<PersonOrderField, PeopleOrdering> = {
  [PersonOrderField.CREATED_AT]: {
    list: peopleList,
    // The id breaks ties between equal timestamps.
    columns: (alias) => [
      { sql: `${alias}."createdAt"`, type: 'timestamptz' },
      { sql: `${alias}.id`, type: 'int' },
    ],
    defaultDirection: OrderDirection.DESC,
  },
  [PersonOrderField.UPDATED_AT]: {
    list: {
      name: 'people:updated',
      keyOf: (person) => [person.updatedAt.toISOString(), person.id],
      parseKey: parseTimestampIdKey,
    },
    columns: (alias) => [
      { sql: `${alias}."updatedAt"`, type: 'timestamptz' },
      { sql: `${alias}.id`, type: 'int' },
    ],
    defaultDirection: OrderDirection.DESC,
  },
  // ICU's root collation: alphabetical for people whatever the server's default collation.
  [PersonOrderField.NAME]: {
    list: { name: 'people:name', keyOf: (person) => [person.name, person.id], parseKey: parseTextIdKey },
    columns: (alias) => [
      { sql: `${alias}.name COLLATE "und-x-icu"`, type: 'text' },
      { sql: `${alias}.id`, type: 'int' },
    ],
    defaultDirection: OrderDirection.ASC,
  },
  // ts_rank is a `real`: the cursor carries the value PostgreSQL returned, which casts back exactly.
  [PersonOrderField.RELEVANCE]: {
    list: { name: 'people:relevance', keyOf: (person) => [person.searchRank ?? 0, person.id], parseKey: parseRankIdKey },
    columns: (alias) => [
      { sql: `${alias}."searchRank"`, type: 'real' },
      { sql: `${alias}.id`, type: 'int' },
    ],
    defaultDirection: OrderDirection.DESC,
  },
};

export interface ResolvedPeopleOrder {
  list: CursorList<ListedPerson, CursorKey>;
  keyset: KeysetOrder;
  /** Orders by columns of person (not by search rank alone). */
  personColumns: boolean;
}

/** The order a people list reads in: as asked, else by relevance when searching, else newest first. */
export function resolvePeopleOrder(orderBy: PersonOrder | null | undefined, searching: boolean, alias: string): ResolvedPeopleOrder {
  const field = orderBy?.field ?? (searching ? PersonOrderField.RELEVANCE : PersonOrderField.CREATED_AT);
  if (field === PersonOrderField.RELEVANCE && !searching) {
    throw badUserInput('orderBy', 'RELEVANCE orders a search: give filter.search or another order');
  }
  const ordering = orderings[field];
  return {
    list: ordering.list,
    keyset: { columns: ordering.columns(alias), direction: orderBy?.direction ?? ordering.defaultDirection },
    personColumns: field !== PersonOrderField.RELEVANCE,
  };
}
