import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { OperationName } from '../operations';
import type { Addition } from '../peers/postgraphile/bench-database-additions';
import type { BenchOptions } from './bench-options';
import type { RoundResult } from './measure';
import { projectRoot } from './project';
import { peerKinds, serverKinds } from './server-process';
import type { ComparedFigure, Summary } from './summary';
import type { TargetResult } from './targets';

export interface OperationStatus {
  variableSets: number;
  /** How many sample requests found something (a profile, people, skills), e.g. `24 of 25`. */
  samplesFindingSomething?: string;
  /** Why it was not measured, if it was not. */
  skipped?: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtStart: number; loadAverageAtEnd: number };
  data: { people: number; database: string };
  /** sharedBuffers only when the bench ran its own PostgreSQL. */
  settings: Omit<BenchOptions, 'databaseUrl' | 'dataDir' | 'sharedBuffers'> & Partial<Pick<BenchOptions, 'sharedBuffers'>>;
  /** What the benchmark added to its database for PostGraphile (nothing when it did not run). */
  databaseAdditions: Addition[];
  operations: Partial<Record<OperationName, OperationStatus>>;
  summaries: Summary[];
  targets: TargetResult[];
  rounds: RoundResult[];
}

export const resultsDir = join(projectRoot, 'bench/results');

/** The one-minute load average: other work on the machine shows up here, and in the figures. */
export const loadAverage = (): number => Number(loadavg()[0]?.toFixed(2));

export function machine(loadAverageAtStart: number): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverageAtStart,
    loadAverageAtEnd: loadAverage(),
  };
}

const decimals: Record<ComparedFigure, number> = {
  requestsPerSecond: 0,
  p50Ms: 1,
  p99Ms: 1,
  cpuMsPerRequest: 2,
  databaseCpuMsPerRequest: 2,
  peakRssMiB: 0,
};

function statementsCell(summary: Summary): string {
  const statements = summary.statements;
  if (!statements) return summary.server === 'floor' ? '1' : '–';
  const range = statements.min === statements.max ? '' : ` (${statements.min}–${statements.max})`;
  return `${statements.mean.toFixed(2)}${range}`;
}

const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');

/**
 * One row per server of each operation and connection count, then the service's ratios to each
 * peer (the median of the round-by-round ratios) in rows of their own.
 */
export function markdownTable(summaries: readonly Summary[]): string {
  const header = [
    'Operation',
    'Conns',
    'Server',
    'req/s',
    'p50 ms',
    'p99 ms',
    'SQL/req',
    'CPU ms/req',
    'PG CPU ms/req',
    'Peak RSS MiB',
    'Errors',
  ];
  const row = (summary: Summary, server: string, value: (name: ComparedFigure) => string, statements: string, errors: string) => [
    summary.operation,
    String(summary.connections),
    server,
    value('requestsPerSecond'),
    value('p50Ms'),
    value('p99Ms'),
    statements,
    value('cpuMsPerRequest'),
    value('databaseCpuMsPerRequest'),
    value('peakRssMiB'),
    errors,
  ];
  const rows: string[][] = [];
  const groups = [...new Set(summaries.map((summary) => `${summary.operation}/${summary.connections}`))];
  for (const group of groups) {
    const members = summaries.filter((summary) => `${summary.operation}/${summary.connections}` === group);
    for (const summary of members) {
      const value = (name: ComparedFigure) => summary[name].toFixed(decimals[name]);
      rows.push(row(summary, summary.server, value, statementsCell(summary), String(summary.errors)));
    }
    for (const summary of members) {
      for (const peer of peerKinds) {
        const ratios = summary.ratioTo[peer];
        if (ratios) rows.push(row(summary, `${summary.server} ÷ ${peer}`, (name) => `${ratios[name].toFixed(2)}×`, '', ''));
      }
    }
  }
  return table(header, rows);
}

/** Every round's requests per second, and the service's over each peer's in the same round. */
export function roundsTable(rounds: readonly RoundResult[]): string {
  const servers = serverKinds.filter((server) => rounds.some((round) => round.server === server));
  const peers = peerKinds.filter((peer) => servers.includes(peer) && servers.includes('profilegraph'));
  const header = [
    'Operation',
    'Conns',
    'Round',
    ...servers.map((server) => `${server} req/s`),
    ...peers.map((peer) => `profilegraph ÷ ${peer}`),
  ];
  const keys = [...new Map(rounds.map((round) => [`${round.operation}/${round.connections}/${round.round}`, round])).values()];
  const rows = keys.map(({ operation, connections, round }) => {
    const of = (server: string) =>
      rounds.find((r) => r.operation === operation && r.connections === connections && r.round === round && r.server === server);
    const service = of('profilegraph');
    return [
      operation,
      String(connections),
      String(round),
      ...servers.map((server) => of(server)?.requestsPerSecond.toFixed(0) ?? ''),
      ...peers.map((peer) => {
        const other = of(peer);
        return service && other ? `${(service.requestsPerSecond / other.requestsPerSecond).toFixed(2)}×` : '';
      }),
    ];
  });
  return table(header, rows);
}

/** Per operation measured by one client over named bodies: the distribution, its categories and its slowest searches. */
export function singleClientLines(summaries: readonly Summary[]): string {
  const ms = (value: number) => value.toFixed(1);
  return summaries
    .flatMap(({ operation, server, singleClient: latency }) => {
      if (!latency) return [];
      return [
        `### ${operation}, one client at a time (${server}, ${latency.requests} requests)`,
        '',
        `p50 ${ms(latency.p50Ms)} ms, p90 ${ms(latency.p90Ms)} ms, p99 ${ms(latency.p99Ms)} ms, max ${ms(latency.maxMs)} ms`,
        '',
        table(
          ['Category', 'p50 ms', 'max ms'],
          latency.byCategory.map((c) => [c.category, ms(c.p50Ms), ms(c.maxMs)]),
        ),
        '',
        'Slowest searches (median over their passes):',
        '',
        table(
          ['Search', 'median ms', 'max ms'],
          latency.slowest.map((s) => [s.label, ms(s.medianMs), ms(s.maxMs)]),
        ),
        '',
      ];
    })
    .join('\n');
}

export function targetLines(targets: readonly TargetResult[]): string {
  const mark = (met: boolean | null) => (met === null ? '– not measured' : met ? '✔ met' : '✘ NOT met');
  return targets.map((target) => `- ${mark(target.met)}: ${target.target} — ${target.detail}`).join('\n');
}

function additionsText(additions: readonly Addition[]): string {
  if (additions.length === 0) return '';
  const lines = additions.map(
    (addition) => `- ${addition.name}: ${addition.description} (${addition.created ? 'created by this run' : 'already there'})`,
  );
  return `\nPostGraphile builds its API from the database. For it, the benchmark adds to its own database (never
to the service's migrations), before any server starts, so that every server runs against the same one:\n\n${lines.join('\n')}\n`;
}

function markdown(report: BenchReport): string {
  const { machine: m, data, settings } = report;
  const operations = Object.entries(report.operations);
  const skipped = operations.flatMap(([name, status]) => (status.skipped ? [`- ${name} not measured: ${status.skipped}`] : []));
  const found = (status: OperationStatus) =>
    status.samplesFindingSomething ? ` (${status.samplesFindingSomething} samples find something)` : '';
  const sets = operations.map(([name, status]) => `${name} ${status.variableSets}${found(status)}`).join(', ');
  return `# npm run bench — ${report.startedAt}

${data.people} people in ${data.database}; ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node};
load average ${m.loadAverageAtStart} at the start, ${m.loadAverageAtEnd} at the end (above ${m.cpus}: other work competed).
${settings.rounds} round(s) of ${settings.duration} s per server and configuration (after ${settings.warmup} s of warm-up each),
servers interleaved round by round in this order: ${settings.servers.join(', ')}; ${settings.poolSize} database connections per server.
Variable sets: ${sets}.
${additionsText(report.databaseAdditions)}
Medians of the rounds (peak RSS: the highest). The rows \`profilegraph ÷ peer\` give the service's figure
over the peer's, the median of the round-by-round ratios (each service round ran right next to the
peer's): for req/s higher is better, for the rest lower. SQL/req: the mean, and the range when
requests differed.

${markdownTable(report.summaries)}

${singleClientLines(report.summaries)}
## Targets

${targetLines(report.targets)}
${skipped.length ? `\n${skipped.join('\n')}\n` : ''}
## Rounds

${roundsTable(report.rounds)}
`;
}

/** Writes bench/results/latest.json and latest.md; returns the markdown's path. */
export async function writeReport(report: BenchReport): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const path = join(resultsDir, 'latest.md');
  await writeFile(path, markdown(report));
  return path;
}
