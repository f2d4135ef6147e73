import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { listenPeer, type PeerSettings, type RunningPeer } from '../peer-process';
import { peopleList, profilePage, type Operation } from '../operations';
import { peopleListSql, profilePageSql } from './sql';

// The floor: the least a Node service can do to answer ProfilePage and PeopleList from this
// database — one prepared statement per request that builds the response in PostgreSQL, and
// Node's own HTTP server. `npm run bench` reports the service as a ratio to it.

type Variables = Record<string, unknown>;

interface Answer {
  operation: Operation;
  data(pool: Pool, variables: Variables): Promise<unknown>;
}

class BadRequest extends Error {}

const peoplePageSize = 20;
const firstPageKey = ['infinity', 0] as const;

async function profilePageData(pool: Pool, variables: Variables): Promise<unknown> {
  const { handle } = variables;
  if (typeof handle !== 'string') throw new BadRequest('$handle must be a string');
  const { rows } = await pool.query<{ person: { website: string | null } }>({
    name: 'profile-page',
    text: profilePageSql,
    values: [handle],
  });
  const person = rows[0]?.person ?? null;
  // The URL scalar serialises through `new URL`, which may respell what was stored.
  if (person?.website) person.website = new URL(person.website).toString();
  return { person };
}

/** The (createdAt, id) key in a cursor the service issued for the people list. */
function peopleCursorKey(after: unknown): readonly [string, number] {
  if (after === null || after === undefined) return firstPageKey;
  if (typeof after !== 'string') throw new BadRequest('$after must be a string');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequest('$after is not a people cursor');
  }
  if (!Array.isArray(values) || values[0] !== 'people' || typeof values[1] !== 'string' || !Number.isInteger(values[2])) {
    throw new BadRequest('$after is not a people cursor');
  }
  return [values[1], values[2] as number];
}

async function peopleListData(pool: Pool, variables: Variables): Promise<unknown> {
  const { rows } = await pool.query<{ people: unknown }>({
    name: 'people-list',
    text: peopleListSql,
    values: [...peopleCursorKey(variables.after), peoplePageSize],
  });
  return { people: rows[0]?.people };
}

const answers = new Map<string, Answer>([
  [profilePage.name, { operation: profilePage, data: profilePageData }],
  [peopleList.name, { operation: peopleList, data: peopleListData }],
]);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

// Apollo Server writes JSON.stringify(result) plus a newline.
function send(response: ServerResponse, status: number, result: object): void {
  const body = `${JSON.stringify(result)}\n`;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

async function answer(pool: Pool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'GET' && request.url === '/readyz') return send(response, 200, { ready: true });
  if (request.method !== 'POST' || request.url !== '/graphql') return send(response, 404, { errors: [{ message: 'Not found' }] });
  try {
    const { operationName, query, variables } = JSON.parse(await readBody(request)) as {
      operationName?: unknown;
      query?: unknown;
      variables?: Variables | null;
    };
    const known = typeof operationName === 'string' ? answers.get(operationName) : undefined;
    // Anything but the benchmark's own texts would need a GraphQL executor, which the floor is not.
    if (!known || query !== known.operation.query) {
      throw new BadRequest(`The floor answers only ${[...answers.keys()].join(' and ')} as bench/operations.ts writes them`);
    }
    send(response, 200, { data: await known.data(pool, variables ?? {}) });
  } catch (error) {
    const bad = error instanceof BadRequest || error instanceof SyntaxError;
    send(response, bad ? 400 : 500, { errors: [{ message: error instanceof Error ? error.message : String(error) }] });
  }
}

export async function startFloorServer(options: PeerSettings): Promise<RunningPeer> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize, application_name: 'profilegraph-floor' });
  const server = createServer((request, response) => void answer(pool, request, response));
  return listenPeer(server, options.port, () => pool.end());
}
