import 'reflect-metadata';
import { cpus } from 'node:os';
import { openBenchDatabase, ensurePeople, prewarm } from './benchmark/bench-database';
import { parseBenchOptions, usage, type BenchOptions } from './benchmark/bench-options';
import { firstDifference } from './benchmark/first-difference';
import { measureRound, type RoundResult } from './benchmark/measure';
import { loadAverage, machine, markdownTable, singleClientLines, targetLines, writeReport, type OperationStatus } from './benchmark/report';
import { startServer, type ServerKind, type ServerSettings } from './benchmark/server-process';
import { summarize } from './benchmark/summary';
import { evaluateTargets } from './benchmark/targets';
import { peopleListCursors, variableSetsFromDatabase, wantedSets, type Variables, type VariableSetLabels } from './benchmark/variable-sets';
import { operations, requestBody, type OperationName } from './operations';
import { addWhatPostGraphileNeeds, type Addition } from './peers/postgraphile/bench-database-additions';
import { preparePostGraphile, type ServiceSample } from './peers/postgraphile/prepare-postgraphile';

// npm run bench -- --help
// Measures the production build against a large data set and against its peers, the floor
// (bench/floor) and PostGraphile 5 (bench/peers/postgraphile), one server at a time, in
// interleaved rounds; writes bench/results/latest.{json,md}.

/** The operations the peers answer; the service's other operations are measured alone. */
const peerOperations: readonly OperationName[] = ['ProfilePage', 'PeopleList'];
const log = (line: string) => console.log(line);

/** The messages of a GraphQL error answer, short enough for a line of the report. */
function errorMessages(answer: string): string {
  try {
    const { errors } = JSON.parse(answer) as { errors?: { message?: string; extensions?: { code?: string } }[] };
    return (errors ?? []).map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; ');
  } catch {
    return answer.slice(0, 300);
  }
}

async function post(url: string, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return response.text();
}

interface Preparation {
  sets: Partial<Record<OperationName, Variables[]>>;
  /** The service's and the floor's request bodies; PostGraphile's say the same in its own terms. */
  bodies: Partial<Record<OperationName, string[]>>;
  /** Names of the bodies, for operations whose variable sets have them (TalentSearch's spread). */
  labels: VariableSetLabels;
  status: Partial<Record<OperationName, OperationStatus>>;
  /** The service's answers to sample requests of the peers' operations, to hold the peers to. */
  references: (ServiceSample & { body: string })[];
}

/** Whether an answer found something: a search that finds no one measures only the empty path. */
const foundSomething: Record<OperationName, (answer: string) => boolean> = {
  ProfilePage: (answer) => !answer.includes('"person":null'),
  PeopleList: (answer) => !answer.includes('"edges":[]'),
  TalentSearch: (answer) => !answer.includes('"edges":[]'),
  SkillDirectory: (answer) => !answer.includes('"suggestions":{"nodes":[]}'),
};

const samplesPerOperation = 25;

/**
 * With the service running: PeopleList's cursors, whether the service knows each operation yet
 * (TalentSearch and SkillDirectory need API that may not have landed), how many sample requests
 * find something, and reference answers for the floor.
 */
async function prepare(options: BenchOptions, settings: ServerSettings, people: number): Promise<Preparation> {
  log('Drawing variable sets from the database');
  const { sets: fromDatabase, labels } = await variableSetsFromDatabase(settings.databaseUrl);
  const service = await startServer('profilegraph', settings);
  const preparation: Preparation = { sets: {}, bodies: {}, labels, status: {}, references: [] };
  try {
    for (const name of options.operations) {
      const sets: Variables[] = name === 'PeopleList' ? await peopleListCursors(service.url, people) : fromDatabase[name];
      const bodies = sets.map((variables) => requestBody(operations[name], variables));
      const status: OperationStatus = { variableSets: bodies.length };
      preparation.status[name] = status;
      const step = Math.max(1, Math.floor(bodies.length / samplesPerOperation));
      const samples = bodies.flatMap((body, index) => (index % step === 0 ? [{ body, index }] : []));
      // One at a time: the broadest searches at once could outwait the pool, which says nothing
      // about whether the service knows the operation.
      const answers: (ServiceSample & { body: string })[] = [];
      for (const { body, index } of samples) answers.push({ operation: name, index, body, answer: await post(service.url, body) });
      const refused = answers.find(({ answer }) => answer.startsWith('{"errors"'));
      if (answers.length === 0) status.skipped = 'no variable sets could be drawn from this database';
      else if (refused) status.skipped = `the service refuses it (${errorMessages(refused.answer)})`;
      else {
        preparation.sets[name] = sets;
        preparation.bodies[name] = bodies;
      }
      if (status.skipped) {
        log(`  ${name}: not measured — ${status.skipped}`);
        continue;
      }
      status.samplesFindingSomething = `${answers.filter(({ answer }) => foundSomething[name](answer)).length} of ${answers.length}`;
      const few = labels[name] ? ' (named)' : bodies.length < wantedSets ? ` (fewer than ${wantedSets}: a small database)` : '';
      log(`  ${name}: ${bodies.length} variable sets${few}; ${status.samplesFindingSomething} samples find something`);
      if (peerOperations.includes(name)) preparation.references.push(...answers);
    }
  } finally {
    await service.stop();
  }
  return preparation;
}

async function checkFloor(settings: ServerSettings, references: Preparation['references']): Promise<void> {
  if (references.length === 0) return;
  const floor = await startServer('floor', settings);
  try {
    for (const { body, answer } of references) {
      const floorAnswer = await post(floor.url, body);
      if (floorAnswer !== answer) {
        throw new Error(`The floor does not answer as the service does, so ratios to it would mean nothing.
Request: ${body.slice(0, 300)}
${firstDifference(answer, floorAnswer)}`);
      }
    }
    log(`The floor answers ${references.length} sample requests byte for byte as the service does`);
  } finally {
    await floor.stop();
  }
}

function describeRound(result: RoundResult): string {
  const statements = result.statements ? `, ${result.statements.mean.toFixed(2)} SQL/req` : '';
  const errors = result.errors ? `, ${result.errors} ERRORS (${result.firstError})` : '';
  return (
    `  ${result.operation} × ${result.connections} round ${result.round} ${result.server.padEnd(12)} ` +
    `${result.requestsPerSecond.toFixed(0).padStart(6)} req/s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, ` +
    `${result.cpuMsPerRequest.toFixed(2)} CPU ms/req (PostgreSQL ${result.databaseCpuMsPerRequest.toFixed(2)}), ${result.peakRssMiB.toFixed(0)} MiB${statements}${errors}`
  );
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    log(usage);
    return 0;
  }
  const options = parseBenchOptions(args);
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  if (loadAverageAtStart > cpus().length / 2) {
    log(`The load average is ${loadAverageAtStart} on ${cpus().length} CPUs: other work is running, and will show in the figures.`);
  }
  const database = await openBenchDatabase(options.databaseUrl, options.dataDir, options.sharedBuffers, log);
  try {
    const people = await ensurePeople(database.url, options.people, log);
    log(`${people} people in ${database.description}`);
    const settings: ServerSettings = { databaseUrl: database.url, poolSize: options.poolSize };
    const runs = (server: ServerKind) => options.servers.includes(server);
    // Before any server starts, so that all of them run against the same database.
    const additions: Addition[] = runs('postgraphile') ? await addWhatPostGraphileNeeds(database.url) : [];
    for (const addition of additions) {
      log(`For PostGraphile, the benchmark's database ${addition.created ? 'gets' : 'has'} ${addition.name}: ${addition.description}`);
    }
    await prewarm(database.url, log);
    const preparation = await prepare(options, settings, people);
    if (runs('floor')) await checkFloor(settings, preparation.references);
    const postGraphileBodies = runs('postgraphile')
      ? await preparePostGraphile(settings, people, preparation.sets, preparation.references, log)
      : {};
    const bodiesFor = (server: ServerKind, operation: OperationName) =>
      (server === 'postgraphile' ? postGraphileBodies[operation] : preparation.bodies[operation]) ?? [];

    const measured = options.operations.filter((name) => preparation.bodies[name]);
    // In this order within each round: the service, then each peer, each right after the other.
    const serversOf = (name: OperationName): ServerKind[] =>
      options.servers.filter((server) => server === 'profilegraph' || peerOperations.includes(name));
    const roundCount = options.connections.length * measured.reduce((total, name) => total + serversOf(name).length, 0) * options.rounds;
    const minutes = (roundCount * (options.warmup + options.duration + 3)) / 60;
    log(`Measuring: ${roundCount} rounds, about ${minutes.toFixed(1)} minutes`);

    const rounds: RoundResult[] = [];
    for (const connections of options.connections) {
      for (const operation of measured) {
        for (let round = 1; round <= options.rounds; round++) {
          for (const server of serversOf(operation)) {
            const result = await measureRound(
              {
                server,
                operation,
                connections,
                round,
                bodies: bodiesFor(server, operation),
                ...(server === 'profilegraph' && preparation.labels[operation] && { labels: preparation.labels[operation] }),
                warmupSeconds: options.warmup,
                seconds: options.duration,
              },
              settings,
            );
            log(describeRound(result));
            rounds.push(result);
          }
        }
      }
    }

    const summaries = summarize(rounds);
    const skipped = Object.fromEntries(
      Object.entries(preparation.status).flatMap(([name, status]) => (status.skipped ? [[name, status.skipped]] : [])),
    );
    const targets = evaluateTargets(summaries, skipped);
    // shared_buffers is the bench's own PostgreSQL's: a --database-url one keeps its own setting.
    const { databaseUrl: _url, dataDir: _dir, sharedBuffers, ...shared } = options;
    const settingsForReport = options.databaseUrl ? shared : { ...shared, sharedBuffers };
    const path = await writeReport({
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: machine(loadAverageAtStart),
      data: { people, database: database.description },
      settings: settingsForReport,
      databaseAdditions: additions,
      operations: preparation.status,
      summaries,
      targets,
      rounds,
    });
    const minutesTaken = (Date.now() - Date.parse(startedAt)) / 60_000;
    log(`\n${markdownTable(summaries)}\n\n${singleClientLines(summaries)}\nTargets:\n${targetLines(targets)}\n`);
    log(`Written to ${path} (and latest.json beside it) after ${minutesTaken.toFixed(1)} minutes`);
    const errors = rounds.reduce((total, round) => total + round.errors, 0);
    if (errors) log(`\n${errors} request(s) failed under this load: see the Errors column, and firstError in latest.json.`);
    return errors ? 1 : 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
