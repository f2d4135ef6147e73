import type { NodeTypeName } from '../../src/common/node';

// The floor builds the whole response in PostgreSQL, so the service's encodings (global ids,
// cursors, DateTimeISO) are spelt here in SQL. tests/floor.test.ts proves they agree byte for byte.
// Only types come from src/: the floor must not load the service's code (type-graphql, TypeORM).

/** Buffer#toString('base64url'): `encode` pads with `=` and wraps lines at 76 characters. */
function base64url(textSql: string): string {
  return `translate(encode(convert_to(${textSql}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
}

/** src/common/node.ts toGlobalId. */
function globalId(typeName: NodeTypeName, idSql: string): string {
  return base64url(`'${typeName}:' || ${idSql}`);
}

/** Date#toISOString, as graphql-scalars' DateTimeISO serialises. */
function isoTimestamp(timestampSql: string): string {
  return `to_char(${timestampSql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** src/common/cursor.ts encodeCursor for the people list (src/person/person.order.ts): `["people","<createdAt>",<id>]`. */
function peopleCursor(alias: string): string {
  return base64url(`'["people","' || ${isoTimestamp(`${alias}."createdAt"`)} || '",' || ${alias}.id || ']'`);
}

/** A JSON array of `element` over `from`, in `order`; `[]` when there are no rows. */
function jsonList(element: string, order: string, from: string): string {
  return `(SELECT coalesce(json_agg(${element} ORDER BY ${order}), '[]') FROM ${from})`;
}

/** $1: handle, any case. One row whose `person` is the ProfilePage `person` object, or no row. */
export const profilePageSql = `
SELECT json_build_object(
  'id', ${globalId('Person', 'p.id')},
  'handle', p.handle,
  'name', p.name,
  'headline', p.headline,
  'summary', p.summary,
  'location', p.location,
  'availability', p.availability,
  'website', p.website,
  'authorizedToWorkIn', p."authorizedToWorkIn",
  'jobCategories', p."jobCategories",
  'version', p.version,
  'createdAt', ${isoTimestamp('p."createdAt"')},
  'updatedAt', ${isoTimestamp('p."updatedAt"')},
  'roles', ${jsonList(
    `json_build_object('id', ${globalId('Role', 'r.id')}, 'title', r.title, 'company', r.company,
      'location', r.location, 'startDate', r."startDate", 'endDate', r."endDate",
      'isCurrent', r."isCurrent", 'description', r.description, 'highlights', r.highlights)`,
    'r.position, r.id',
    `role r WHERE r."personId" = p.id`,
  )},
  'degrees', ${jsonList(
    `json_build_object('id', ${globalId('Degree', 'd.id')}, 'institution', d.institution,
      'degree', d.degree, 'field', d.field, 'startDate', d."startDate", 'endDate', d."endDate",
      'description', d.description)`,
    'd.position, d.id',
    `degree d WHERE d."personId" = p.id`,
  )},
  'skills', ${jsonList(
    `json_build_object('id', ${globalId('Skill', 's.id')}, 'name', s.name, 'slug', s.slug, 'category', s.category)`,
    'ps.position',
    `person_skill ps JOIN skill s ON s.id = ps."skillId" WHERE ps."personId" = p.id`,
  )}
) AS person
FROM person p
WHERE lower(p.handle) = lower($1)`;

/**
 * $1, $2: the key of the `after` cursor (createdAt, id), or ('infinity', 0) for the first page, so
 * that one statement (and one index condition) serves both; $3: the page size. One row whose
 * `people` is the PeopleList `people` object.
 */
export const peopleListSql = `
WITH page AS (
  SELECT p.id, p.handle, p.name, p.headline, p."createdAt"
  FROM person p
  WHERE (p."createdAt", p.id) < ($1::timestamptz, $2::int)
  ORDER BY p."createdAt" DESC, p.id DESC
  LIMIT $3::int + 1
), numbered AS (
  SELECT page.*, row_number() OVER (ORDER BY page."createdAt" DESC, page.id DESC) AS n FROM page
), shown AS (
  SELECT numbered.*, ${peopleCursor('numbered')} AS cursor FROM numbered WHERE n <= $3::int
)
SELECT json_build_object(
  'edges', ${jsonList(
    `json_build_object('cursor', e.cursor, 'node', json_build_object(
      'handle', e.handle,
      'name', e.name,
      'headline', e.headline,
      'roles', ${jsonList(
        `json_build_object('title', r.title, 'company', r.company, 'startDate', r."startDate", 'endDate', r."endDate")`,
        'r.position, r.id',
        `(SELECT * FROM role r WHERE r."personId" = e.id ORDER BY r.position, r.id LIMIT 3) r`,
      )},
      'skills', ${jsonList(
        `json_build_object('name', s.name)`,
        'ps.position',
        `person_skill ps JOIN skill s ON s.id = ps."skillId" WHERE ps."personId" = e.id`,
      )}))`,
    'e.n',
    'shown e',
  )},
  'pageInfo', json_build_object(
    'hasNextPage', (SELECT count(*) > $3::int FROM numbered),
    'endCursor', (SELECT cursor FROM shown ORDER BY n DESC LIMIT 1))
) AS people`;
