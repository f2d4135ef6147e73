import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeSubgraphSchemas } from '../../src/federation/composition';

// What `npm run schema:subgraph:compose` (a CI step) decides: the committed subgraph.graphql and
// the jobs subgraph compose with neither an error nor a hint, and either one fails the check.

const profiles = {
  name: 'profiles',
  url: 'http://profiles/subgraph',
  sdl: readFileSync(resolve(__dirname, '../../subgraph.graphql'), 'utf8'),
};
const jobsSdl = readFileSync(resolve(__dirname, 'jobs.graphql'), 'utf8');
const jobs = (sdl: string) => ({ name: 'jobs', url: 'http://jobs/graphql', sdl });

test('subgraph.graphql composes with the jobs subgraph: a supergraph, no errors, no hints', () => {
  const { supergraphSdl, problems } = composeSubgraphSchemas([profiles, jobs(jobsSdl)]);
  expect(problems).toEqual([]);
  expect(supergraphSdl).toContain('type Person');
  expect(supergraphSdl).toMatch(/join__type\(graph: PROFILES, key: "handle"\)/);
});

test('a hint is a problem: a description that differs from profilegraph’s', () => {
  const sdl = jobsSdl.replace('type Person @key', '"""Someone who applies."""\ntype Person @key');
  const { problems } = composeSubgraphSchemas([profiles, jobs(sdl)]);
  expect(problems).toEqual([expect.stringMatching(/^hint INCONSISTENT_DESCRIPTION: Element "Person"/)]);
});

test('an error is a problem: a field both subgraphs resolve without @shareable', () => {
  const sdl = jobsSdl.replace('type Person @key(fields: "handle") {\n', 'type Person @key(fields: "handle") {\n  name: String!\n');
  expect(sdl).not.toBe(jobsSdl);
  const { supergraphSdl, problems } = composeSubgraphSchemas([profiles, jobs(sdl)]);
  expect(supergraphSdl).toBeUndefined();
  expect(problems.join('\n')).toMatch(/^error: Non-shareable field "Person\.name" is resolved from multiple subgraphs/m);
});
