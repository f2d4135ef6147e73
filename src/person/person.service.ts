import type { DataSource } from 'typeorm';
import { pageWindow, toConnection } from '../common/connection';
import { keysetClauses } from '../common/keyset';
import type { Loaders } from '../context';
import { matchSql, peopleMatch, whereClause } from './people-match';
import { withMatch, type PeopleConnection } from './person.connection';
import type { PeopleArgs } from './person.filter';
import { resolvePeopleOrder, type ListedPerson } from './person.order';

/**
 * A page of the people the filter matches, in the order asked for. One statement for the page;
 * totalCount and skillFacets are loaded only when selected.
 */
export async function listPeople(db: DataSource, loaders: Loaders, args: PeopleArgs): Promise<PeopleConnection> {
  const match = peopleMatch(args.filter);
  const order = resolvePeopleOrder(args.orderBy, match.search.length > 0, 'm');
  const window = pageWindow(args, order.list);
  const params: unknown[] = [];
  const { from, conditions, rank } = matchSql(match, params);
  const page = keysetClauses(order.keyset, window, params);
  const rows = await db.query<ListedPerson[]>(
    `SELECT m.* FROM (
       SELECT p.*, ${rank ?? 'NULL::real'} AS "searchRank" FROM ${from} ${whereClause(conditions)}
     ) m ${whereClause(page.conditions)}
     ORDER BY ${page.orderBy} LIMIT ${page.limit}`,
    params,
  );
  return withMatch(
    toConnection(rows, window, order.list, () => loaders.peopleCountByMatch.load(match)),
    match,
  );
}
