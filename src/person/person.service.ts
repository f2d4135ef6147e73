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
  const match = await peopleMatch(db, args.filter);
  const order = resolvePeopleOrder(args.orderBy, match.search.length > 0, 'm');
  const window = pageWindow(args, order.list);
  const params: unknown[] = [];
  const { from, id, conditions, rank } = matchSql(match, params, { personColumns: order.personColumns });
  const keys = order.personColumns ? ', p.name, p."createdAt", p."updatedAt"' : '';
  const page = keysetClauses(order.keyset, window, params);
  // The page is chosen on narrow rows (id, sort keys, rank); only its own rows are read whole.
  const rows = await db.query<ListedPerson[]>(
    `SELECT m.* FROM (
       SELECT p.*, page."searchRank" FROM (
         SELECT m.id, m."searchRank" FROM (
           SELECT ${id} AS id, ${rank ?? 'NULL::real'} AS "searchRank"${keys} FROM ${from} ${whereClause(conditions)}
         ) m ${whereClause(page.conditions)}
         ORDER BY ${page.orderBy} LIMIT ${page.limit}
       ) page JOIN person p ON p.id = page.id
     ) m ORDER BY ${page.orderBy}`,
    params,
  );
  return withMatch(
    toConnection(rows, window, order.list, async () => (await loaders.peopleSummaryByMatch.load({ match, part: 'count' })).count),
    match,
  );
}
