import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { OperationName } from '../operations';
import type { BenchOptions } from './bench-options';
import type { RoundResult } from './measure';
import { projectRoot } from './project';
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
  settings: Omit<BenchOptions, 'databaseUrl' | 'dataDir'>;
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

const decimals: Record<ComparedFigure, number> = { requestsPerSecond: 0, p50Ms: 1, p99Ms: 1, cpuMsPerRequest: 2, peakRssMiB: 0 };

function cell(summary: Summary, name: ComparedFigure): string {
  const value = summary[name].toFixed(decimals[name]);
  const ratio = summary.ratioToFloor?.[name];
  return ratio === undefined ? value : `${value} (${ratio.toFixed(2)}×)`;
}

function statementsCell(summary: Summary): string {
  const statements = summary.statements;
  if (!statements) return summary.server === 'floor' ? '1' : '–';
  const range = statements.min === statements.max ? '' : ` (${statements.min}–${statements.max})`;
  return `${statements.mean.toFixed(2)}${range}`;
}

export function markdownTable(summaries: readonly Summary[]): string {
  const header = ['Operation', 'Conns', 'Server', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'CPU ms/req', 'Peak RSS MiB', 'Errors'];
  const rows = summaries.map((summary) => [
    summary.operation,
    String(summary.connections),
    summary.server,
    cell(summary, 'requestsPerSecond'),
    cell(summary, 'p50Ms'),
    cell(summary, 'p99Ms'),
    statementsCell(summary),
    cell(summary, 'cpuMsPerRequest'),
    cell(summary, 'peakRssMiB'),
    String(summary.errors),
  ]);
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

export function targetLines(targets: readonly TargetResult[]): string {
  const mark = (met: boolean | null) => (met === null ? '– not measured' : met ? '✔ met' : '✘ NOT met');
  return targets.map((target) => `- ${mark(target.met)}: ${target.target} — ${target.detail}`).join('\n');
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
interleaved with the floor; ${settings.poolSize} database connections per server. Variable sets: ${sets}.

Medians of the rounds (peak RSS: the highest); in parentheses, the service's figure over the floor's,
the median of the round-by-round ratios. SQL/req: the mean, and the range when requests differed.

${markdownTable(report.summaries)}

## Targets

${targetLines(report.targets)}
${skipped.length ? `\n${skipped.join('\n')}\n` : ''}`;
}

/** Writes bench/results/latest.json and latest.md; returns the markdown's path. */
export async function writeReport(report: BenchReport): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const path = join(resultsDir, 'latest.md');
  await writeFile(path, markdown(report));
  return path;
}
