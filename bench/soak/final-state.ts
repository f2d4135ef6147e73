import { Client } from 'pg';
import { postGraphQL } from './graphql';
import { profileState, readForEditQuery, type ProfileState, type ProfileStateJson } from './profile-state';

// The profiles as they are once the load has stopped, read twice: as a client reads them, and
// straight from the tables, so that neither a cache nor the read path can hide a lost write.

export async function statesThroughApi(url: string, handles: readonly string[]): Promise<Map<string, ProfileState>> {
  const states = new Map<string, ProfileState>();
  for (const handle of handles) {
    const answer = await postGraphQL<{ person: ProfileStateJson | null }>(url, {
      name: 'ReadForEdit',
      query: readForEditQuery,
      variables: { handle },
    });
    const person = answer.data?.person;
    if (person) states.set(handle, profileState(person));
  }
  return states;
}

async function withClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function statesInTables(databaseUrl: string, handles: readonly string[]): Promise<Map<string, ProfileState>> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<ProfileState & { handle: string }>(
      `SELECT p.handle, p.version, p.headline, p.location,
              coalesce(array_agg(s.name ORDER BY ps.position) FILTER (WHERE s.id IS NOT NULL), '{}') AS skills
         FROM person p
         LEFT JOIN person_skill ps ON ps."personId" = p.id
         LEFT JOIN skill s ON s.id = ps."skillId"
        WHERE p.handle = ANY($1::text[])
        GROUP BY p.id`,
      [handles],
    );
    return new Map(rows.map(({ handle, version, headline, location, skills }) => [handle, { version, headline, location, skills }]));
  });
}

/** Skills whose kept peopleCount (triggers, under concurrent writers) differs from a fresh count. */
export function skillCountProblems(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string; kept: number; actual: number }>(
      `SELECT s.name, s."peopleCount" AS kept, count(ps."personId")::int AS actual
         FROM skill s LEFT JOIN person_skill ps ON ps."skillId" = s.id
        GROUP BY s.id HAVING s."peopleCount" <> count(ps."personId")`,
    );
    return rows.map((row) => `skill ${row.name}: peopleCount ${row.kept}, but ${row.actual} people have it`);
  });
}
