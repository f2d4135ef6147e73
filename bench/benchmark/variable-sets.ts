import { Client } from 'pg';
import type { OperationName } from '../operations';
import { talentSearchSpread } from './talent-search-spread';

// Each operation cycles through at least a thousand different variable sets, drawn from the data
// at start-up so that they find something (a cache of one hot profile would flatter everyone).
// Draws are deterministic: the same database gives the same sets, run after run.

export type Variables = Record<string, unknown>;
export type VariableSets = Record<OperationName, Variables[]>;

export const wantedSets = 1000;

/** mulberry32: small, seedable, good enough to pick samples. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function profileHandles(client: Client): Promise<Variables[]> {
  // md5 of the id: a spread over the whole table that stays the same between runs.
  const { rows } = await client.query<{ handle: string }>('SELECT handle FROM person ORDER BY md5(id::text) LIMIT $1', [wantedSets * 2]);
  return rows.map(({ handle }) => ({ handle }));
}

// Words too common to search for; the rest of a role's text is what people type.
const stopWords = new Set(
  [
    'about after also been being between both from have into more most over such than that their them',
    'then there these they this those through under using were what when where which while with within',
    'work worked working',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Someone's two or three most popular skills and a word from their roles: a search that finds at
 * least that person, over skills that often go together.
 */
async function talentSearches(client: Client): Promise<Variables[]> {
  // Counted once here: as a CTE referenced from the per-person subquery, PostgreSQL inlines it and
  // counts every skill's people again for each person sampled (minutes at 100,000 people).
  const { rows: counts } = await client.query<{ name: string; people: number }>(
    'SELECT s.name, count(*)::int AS people FROM person_skill ps JOIN skill s ON s.id = ps."skillId" GROUP BY s.id',
  );
  const popularity = new Map(counts.map(({ name, people }) => [name, people]));
  const byPopularity = (a: string, b: string) => (popularity.get(b) ?? 0) - (popularity.get(a) ?? 0) || a.localeCompare(b);
  const { rows } = await client.query<{ skills: string[] | null; text: string | null }>(
    `WITH sample AS (SELECT id FROM person ORDER BY md5('talent' || id) LIMIT $1)
     SELECT
       (SELECT array_agg(s.name) FROM person_skill ps JOIN skill s ON s.id = ps."skillId" WHERE ps."personId" = sample.id) AS skills,
       (SELECT string_agg(concat_ws(' ', r.title, r.description), ' ') FROM role r WHERE r."personId" = sample.id) AS text
     FROM sample`,
    [wantedSets * 2],
  );
  const next = random(2);
  const sets: Variables[] = [];
  for (const { skills, text } of rows) {
    const words = [...new Set((text ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? [])].filter((word) => !stopWords.has(word));
    if (!skills || skills.length < 2 || words.length === 0) continue;
    const count = skills.length > 2 && next() < 0.5 ? 3 : 2;
    const favourites = shuffled([...skills].sort(byPopularity).slice(0, 4), next).slice(0, count);
    sets.push({ skills: favourites, search: words[Math.floor(next() * words.length)] });
  }
  return sets;
}

/** What people type into the skill search box: the first two to four letters of a skill's words. */
async function skillPrefixes(client: Client): Promise<Variables[]> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM skill ORDER BY id');
  const prefixes = new Set<string>();
  for (const { name } of rows) {
    for (const word of name.toLowerCase().match(/\p{L}+/gu) ?? []) {
      for (let length = 2; length <= Math.min(4, word.length); length++) prefixes.add(word.slice(0, length));
    }
  }
  return shuffled([...prefixes].sort(), random(3))
    .slice(0, wantedSets * 2)
    .map((prefix) => ({ prefix }));
}

/** Names of an operation's variable sets, one per set, where they have names. */
export type VariableSetLabels = Partial<Record<OperationName, string[]>>;

/**
 * Variable sets of everything but PeopleList, whose cursors only the service can hand out.
 * TalentSearch's are its named spread of broad and narrow searches (see talent-search-spread.ts),
 * not a thousand narrow ones: a few dozen searches, each run many times, are what the
 * single-client latency distribution is about.
 */
export async function variableSetsFromDatabase(
  databaseUrl: string,
): Promise<{ sets: Omit<VariableSets, 'PeopleList'>; labels: VariableSetLabels }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const spread = await talentSearchSpread(client, await talentSearches(client));
    return {
      sets: {
        ProfilePage: await profileHandles(client),
        TalentSearch: spread.map((search) => search.variables),
        SkillDirectory: await skillPrefixes(client),
      },
      labels: { TalentSearch: spread.map((search) => search.label) },
    };
  } finally {
    await client.end();
  }
}

/** A query with `$first: Int!` and `$after` whose data holds a connection's pageInfo at `field`. */
export interface CursorWalk {
  query: string;
  field: string;
}

const serviceCursorWalk: CursorWalk = {
  query: `query BenchCursorWalk($first: Int!, $after: String) {
  people(first: $first, after: $after) { pageInfo { hasNextPage endCursor } }
}`,
  field: 'people',
};

/**
 * PeopleList's `after` cursors, spread over the whole list: the server's own (the service's, unless
 * `walk` pages through another's connection), collected by paging through it with pages sized to
 * give about a thousand (and null, the first page). The same `people` gives the same pages on
 * every server, so the n-th cursor of each marks the same place in the list.
 */
export async function peopleListCursors(graphqlUrl: string, people: number, walk: CursorWalk = serviceCursorWalk): Promise<Variables[]> {
  const first = Math.max(1, Math.min(100, Math.floor(people / wantedSets)));
  const sets: Variables[] = [{ after: null }];
  let after: string | null = null;
  for (;;) {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operationName: 'BenchCursorWalk', query: walk.query, variables: { first, after } }),
    });
    const { data, errors } = (await response.json()) as {
      data?: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined>;
      errors?: unknown[];
    };
    const connection = data?.[walk.field];
    if (!connection) throw new Error(`paging through people failed: ${JSON.stringify(errors)}`);
    const { hasNextPage, endCursor } = connection.pageInfo;
    if (!hasNextPage || endCursor === null) return sets;
    sets.push({ after: endCursor });
    after = endCursor;
  }
}
