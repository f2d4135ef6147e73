import autocannon from 'autocannon';
import type { Tally } from './tally';

// The UIs' reads: a steady mix of whole profiles (the edited ones among them), lists and the
// skill directory.

const operations = [
  {
    name: 'ProfilePage',
    query: `query ProfilePage($handle: String!) { person(handle: $handle) { id handle name headline summary
      roles { title company startDate endDate description } degrees { institution degree field } skills { name slug } } }`,
    variables: (i: number, people: number) => ({ handle: i % 10 === 0 ? 'petercai' : `person-${i % people}` }),
  },
  {
    name: 'PeopleList',
    query: `query PeopleList($first: Int) { people(first: $first) { totalCount pageInfo { endCursor }
      nodes { handle name headline roles(first: 3) { title company } skills { name } } } }`,
    variables: (i: number) => ({ first: 5 + (i % 16) }),
  },
  {
    name: 'SkillDirectory',
    query: `query SkillDirectory($first: Int) { skills(first: $first) { totalCount nodes { name slug peopleCount } } }`,
    variables: (i: number) => ({ first: 10 + (i % 41) }),
  },
] as const;

export interface ReadLoad {
  url: string;
  connections: number;
  seconds: number;
  /** Synthetic profiles there are (person-0 …). */
  people: number;
  tally: Tally;
}

/** Holds the read load for `seconds`; answers with GraphQL errors count as errors of their operation. */
export async function runReads(load: ReadLoad): Promise<void> {
  let sent = 0;
  // autocannon hands each request's context to its response: what was sent, and when.
  const inFlight = new WeakMap<object, { operation: string; started: number }>();
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request, context) => {
          const i = sent++;
          const operation = operations[i % operations.length] ?? operations[0];
          inFlight.set(context, { operation: operation.name, started: performance.now() });
          const body = { query: operation.query, operationName: operation.name, variables: operation.variables(i, load.people) };
          return { ...request, body: JSON.stringify(body) };
        },
        onResponse: (status, body, context) => {
          const request = inFlight.get(context);
          if (!request) return;
          const failed = status !== 200 || body.includes('"errors"');
          load.tally.record(request.operation, performance.now() - request.started, failed ? `${status} ${body.slice(0, 300)}` : undefined);
        },
      },
    ],
  });
  // Failures that never became a response (autocannon counts timeouts among its errors).
  if (result.errors > 0) {
    load.tally.fail('(read connections)', `${result.errors} connection errors, ${result.timeouts} of them timeouts`, result.errors);
  }
}
