import { Random } from '../../src/synthetic/prng';
import { editKinds, editQueries, planEdit, type Edit } from './edits';
import { errorCodeOf, postGraphQL, type GraphQLAnswer } from './graphql';
import type { Ledger } from './ledger';
import { describeState, profileState, readForEditQuery, sameState, type ProfileState, type ProfileStateJson } from './profile-state';
import type { Tally } from './tally';

// Writers edit a few profiles at once, as their owners would from two browser tabs: read the
// profile, send an edit naming the version read, and on CONFLICT (someone else wrote first) read
// again and redo the edit on what is there now.

export interface WriteTarget {
  handle: string;
  /** The owner's `Authorization` header. */
  authorization: string;
}

export interface WriteFigures {
  acknowledged: number;
  conflicts: number;
  retries: number;
}

export interface WriteLoad {
  url: string;
  targets: readonly WriteTarget[];
  writers: number;
  /** Writers start no new edit after this (Date.now() time). */
  until: number;
  tally: Tally;
  ledger: Ledger;
  figures: WriteFigures;
}

/**
 * Attempts of one edit before its writer gives up (an error): conflicts are expected, not endless
 * ones. Eight writers on four profiles conflict on 58–59% of attempts (measured on this build and
 * the one before it), so 20 in a row came by chance about once in thirty runs (0.59^20 for each of
 * ~1,500 edits) and failed CI once; 50 in a row (~1e-12 a run) means writes that never get through.
 */
const maxAttempts = 50;

/** Why an answer counts as an error; a CONFLICT does not (the writer reads again and retries). */
function failure(answer: GraphQLAnswer<unknown>): string | undefined {
  const code = errorCodeOf(answer);
  if (code === 'CONFLICT') return undefined;
  if (answer.status !== 200 || answer.errors) return `HTTP ${answer.status} ${code ?? ''}: ${JSON.stringify(answer.errors).slice(0, 300)}`;
  return undefined;
}

/** Runs one operation, timing it into the tally; resolves to its answer, or null after an error. */
async function send<T>(
  load: WriteLoad,
  target: WriteTarget,
  operation: { name: string; query: string; variables: Record<string, unknown> },
): Promise<GraphQLAnswer<T> | null> {
  const started = performance.now();
  try {
    const answer = await postGraphQL<T>(load.url, operation, target.authorization);
    const failed = failure(answer);
    load.tally.record(operation.name, performance.now() - started, failed);
    return failed ? null : answer;
  } catch (error) {
    load.tally.record(operation.name, performance.now() - started, error instanceof Error ? error.message : String(error));
    return null;
  }
}

async function read(load: WriteLoad, target: WriteTarget): Promise<{ id: string; state: ProfileState } | null> {
  const answer = await send<{ person: ProfileStateJson | null }>(load, target, {
    name: 'ReadForEdit',
    query: readForEditQuery,
    variables: { handle: target.handle },
  });
  const person = answer?.data?.person;
  if (!person) {
    if (answer) load.tally.fail('ReadForEdit', `${target.handle} not found`);
    return null;
  }
  return { id: person.id, state: profileState(person) };
}

/** One edit, redone on a fresh read after every CONFLICT. */
async function edit(load: WriteLoad, target: WriteTarget, plan: (id: string, state: ProfileState) => Edit): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await read(load, target);
    if (!current) return;
    const change = plan(current.id, current.state);
    const answer = await send<Record<string, { person: ProfileStateJson }>>(load, target, {
      name: change.kind,
      query: editQueries[change.kind],
      variables: change.variables,
    });
    if (!answer) return;
    if (errorCodeOf(answer) === 'CONFLICT') {
      load.figures.conflicts++;
      if (attempt < maxAttempts) load.figures.retries++;
      continue;
    }
    const payload = answer.data?.[change.kind];
    if (!payload) return load.tally.fail(change.kind, 'no payload');
    const acknowledged = profileState(payload.person);
    load.figures.acknowledged++;
    load.ledger.acknowledge(target.handle, { operation: change.kind, baseVersion: current.state.version, state: acknowledged });
    if (!sameState(acknowledged, change.expected)) {
      load.tally.fail(
        change.kind,
        `${target.handle}: acknowledged ${describeState(acknowledged)}, expected ${describeState(change.expected)}`,
      );
    }
    return;
  }
  load.tally.fail('edit', `${target.handle}: gave up after ${maxAttempts} conflicts in a row`);
}

async function runWriter(load: WriteLoad, writer: number): Promise<void> {
  const random = Random.for(writer, load.targets.length);
  for (let n = 1; Date.now() < load.until; n++) {
    const target = random.pick(load.targets);
    const kind = random.pick(editKinds);
    await edit(load, target, (id, state) => planEdit(random, kind, id, state, `writer ${writer}, edit ${n}`));
  }
}

/** Runs the writers until `until`, each finishing the edit it is in. */
export async function runWriters(load: WriteLoad): Promise<void> {
  await Promise.all(Array.from({ length: load.writers }, (_, writer) => runWriter(load, writer)));
}
