import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeSubgraphSchemas } from '../federation/composition';
import { createSubgraphSchema, subgraphSdl } from '../federation/subgraph-schema';
import { createSchema } from '../schema';

// npm run schema:subgraph            writes subgraph.graphql (the SDL of `_service { sdl }`)
// npm run schema:subgraph -- --check fails if subgraph.graphql differs from the code
// npm run schema:subgraph -- --compose
//   fails unless subgraph.graphql composes into a supergraph with the jobs subgraph of the
//   federation tests (tests/federation/jobs.graphql) without an error or a hint.
const root = resolve(__dirname, '../../..');
const subgraphFile = resolve(root, 'subgraph.graphql');
const jobsSubgraphFile = resolve(root, 'tests/federation/jobs.graphql');

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // a missing file is a difference like any other
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--compose')) {
    const problems = composeSubgraphSchemas([
      { name: 'profiles', url: 'http://profiles/subgraph', sdl: readOrEmpty(subgraphFile) },
      { name: 'jobs', url: 'http://jobs/graphql', sdl: readOrEmpty(jobsSubgraphFile) },
    ]).problems;
    if (problems.length > 0) {
      console.error(`subgraph.graphql does not compose cleanly with tests/federation/jobs.graphql:\n${problems.join('\n')}`);
      process.exit(1);
    }
    console.log('subgraph.graphql composes with the jobs subgraph: no errors, no hints.');
    return;
  }
  const printed = await subgraphSdl(createSubgraphSchema(await createSchema()));
  if (!process.argv.includes('--check')) {
    writeFileSync(subgraphFile, printed);
    console.log(`Wrote ${subgraphFile}`);
    return;
  }
  if (readOrEmpty(subgraphFile) !== printed) {
    console.error('subgraph.graphql differs from the subgraph the code builds. Run `npm run schema:subgraph` and commit it.');
    process.exit(1);
  }
  console.log('subgraph.graphql matches the code.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
