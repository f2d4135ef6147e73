import type { PageWindow } from '../common/connection';
import type { CursorKey } from '../common/cursor';
import { keysetClauses } from '../common/keyset';
import { matchSql, whereClause, type PeopleMatch } from './people-match';
import type { ResolvedPeopleOrder } from './person.order';

export interface PeoplePageSql {
  /** The rows of the window, in its reading direction, as `m.*` (person columns and "searchRank"). */
  sql: string;
  /** The ORDER BY of that reading direction, over the alias `m`. */
  orderBy: string;
}

/**
 * One page of the people a match holds, appending its parameters. The page is chosen on narrow
 * rows (id, sort keys, rank), from the search table alone when it can be, and only the page's own
 * person rows are read whole. The match's skill ids are values, not subqueries, so the planner
 * knows how common each is and picks the plan to suit: walking the order's index for a common
 * skill, sorting the few holders of a rare one.
 */
export function peoplePageSql(
  match: PeopleMatch,
  order: ResolvedPeopleOrder,
  window: PageWindow<CursorKey>,
  params: unknown[],
  /** More columns of each person of the page, over `person p` (person.loaders.ts sectionColumns). */
  personColumns = '',
): PeoplePageSql {
  const { from, id, conditions, rank } = matchSql(match, params, { personColumns: order.personColumns });
  const sortKeys = order.personColumns ? ', p.name, p."createdAt", p."updatedAt"' : '';
  const page = keysetClauses(order.keyset, window, params);
  return {
    sql: `SELECT m.* FROM (
            SELECT p.*, page."searchRank"${personColumns} FROM (
              SELECT m.id, m."searchRank" FROM (
                SELECT ${id} AS id, ${rank ?? 'NULL::real'} AS "searchRank"${sortKeys} FROM ${from} ${whereClause(conditions)}
              ) m ${whereClause(page.conditions)}
              ORDER BY ${page.orderBy} LIMIT ${page.limit}
            ) page JOIN person p ON p.id = page.id
          ) m ORDER BY ${page.orderBy}`,
    orderBy: page.orderBy,
  };
}
