import type { DataSource } from 'typeorm';
import { pageWindow, toConnection } from '../common/connection';
import type { Loaders } from '../context';
import { peopleMatch } from './people-match';
import { peoplePageSql } from './people-page';
import { withMatch, type PeopleConnection } from './person.connection';
import type { PeopleArgs } from './person.filter';
import { primeListedSections, sectionColumns } from './person.loaders';
import { resolvePeopleOrder, type ListedPerson } from './person.order';
import type { ProfileSections } from './profile-lookahead';

/**
 * A page of the people the filter matches, in the order asked for, with the sections of their
 * profiles that the page shows: one statement. totalCount and skillFacets are loaded only when
 * selected.
 */
export async function listPeople(db: DataSource, loaders: Loaders, args: PeopleArgs, sections: ProfileSections): Promise<PeopleConnection> {
  const match = await peopleMatch(db, args.filter);
  const order = resolvePeopleOrder(args.orderBy, match.search.length > 0, 'm');
  const window = pageWindow(args, order.list);
  const params: unknown[] = [];
  const { sql } = peoplePageSql(match, order, window, params, sectionColumns(sections));
  const rows = (await db.query<ListedPerson[]>(sql, params)).map((row) => primeListedSections(loaders, sections, row));
  return withMatch(
    toConnection(rows, window, order.list, async () => (await loaders.peopleSummaryByMatch.load({ match, part: 'count' })).count),
    match,
  );
}
