import { startServer, type ServerSettings } from '../../benchmark/server-process';
import { peopleListCursors, type Variables } from '../../benchmark/variable-sets';
import { requestBody, type Operation, type OperationName } from '../../operations';
import { postGraphileCursorWalk, postGraphilePeopleList, postGraphileProfilePage } from './operations';
import { differenceFromService } from './same-answers';

/** What PostGraphile is measured on: ProfilePage and PeopleList, as their service counterparts. */
export const postGraphileOperations: Partial<Record<OperationName, Operation>> = {
  ProfilePage: postGraphileProfilePage,
  PeopleList: postGraphilePeopleList,
};

/** A request the service answered, by its place among the operation's variable sets. */
export interface ServiceSample {
  operation: OperationName;
  index: number;
  answer: string;
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.text();
}

/**
 * PostGraphile's request bodies, one for each of the service's variable sets and at the same
 * index (so that rounds starting at the same index send the same requests): handles as they are,
 * PeopleList cursors replaced by PostGraphile's own for the same place in the list. Before
 * returning, checks on the service's sample requests that PostGraphile finds the same things.
 */
export async function preparePostGraphile(
  settings: ServerSettings,
  people: number,
  serviceSets: Partial<Record<OperationName, Variables[]>>,
  samples: readonly ServiceSample[],
  log: (line: string) => void,
): Promise<Partial<Record<OperationName, string[]>>> {
  const server = await startServer('postgraphile', settings);
  try {
    const bodies: Partial<Record<OperationName, string[]>> = {};
    for (const [name, sets] of Object.entries(serviceSets) as [OperationName, Variables[]][]) {
      const operation = postGraphileOperations[name];
      if (!operation) continue;
      let ownSets = sets;
      if (name === 'PeopleList') {
        ownSets = await peopleListCursors(server.url, people, { query: postGraphileCursorWalk, field: 'allPeople' });
        if (ownSets.length !== sets.length) {
          throw new Error(
            `PostGraphile pages through people in ${ownSets.length} pages, the service in ${sets.length}: they do not list the same people`,
          );
        }
      }
      bodies[name] = ownSets.map((variables) => requestBody(operation, variables));
    }
    let compared = 0;
    for (const sample of samples) {
      const body = bodies[sample.operation]?.[sample.index];
      if (body === undefined) continue;
      compared++;
      const difference = differenceFromService(sample.operation, sample.answer, await post(server.url, body));
      if (difference) {
        throw new Error(`PostGraphile does not find what the service finds, so ratios to it would mean nothing.
Request: ${body.slice(0, 300)}
Variables the service had: ${JSON.stringify(serviceSets[sample.operation]?.[sample.index])}
${difference}`);
      }
    }
    log(`PostGraphile finds the same people, roles, degrees and skills as the service in ${compared} sample requests`);
    return bodies;
  } finally {
    await server.stop();
  }
}
