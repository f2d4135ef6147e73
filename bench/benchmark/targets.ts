import type { OperationName } from '../operations';
import type { PeerKind } from './server-process';
import type { Summary } from './summary';

export interface TargetResult {
  target: string;
  /** null: not measured in this run. */
  met: boolean | null;
  detail: string;
}

/** The service's requests per second over a peer's, round by round, at a connection count. */
interface ThroughputTarget {
  peer: PeerKind;
  atLeast: number;
  connections: number;
}

interface OperationTargets {
  throughput: ThroughputTarget[];
  latency?: { connections: number; p99AtMostMs: number };
  /** The most SQL statements any request may send. */
  maxStatements: number;
}

// The targets for this 2-core machine. Each operation's are in one place; an operation gets more
// by adding them here.
const operationTargets: Record<OperationName, OperationTargets> = {
  ProfilePage: {
    throughput: [
      { peer: 'postgraphile', atLeast: 2, connections: 16 },
      { peer: 'floor', atLeast: 0.6, connections: 16 },
    ],
    latency: { connections: 64, p99AtMostMs: 100 },
    maxStatements: 3,
  },
  PeopleList: {
    throughput: [
      { peer: 'postgraphile', atLeast: 2, connections: 16 },
      { peer: 'floor', atLeast: 0.8, connections: 16 },
    ],
    maxStatements: 3,
  },
  // Its own targets come with the search work.
  TalentSearch: { throughput: [], maxStatements: 3 },
  SkillDirectory: { throughput: [], maxStatements: 3 },
};

const memoryTarget = { connections: 64, atMostMiB: 200 };

const ofService = (summaries: readonly Summary[], operation?: OperationName, connections?: number) =>
  summaries.filter(
    (summary) =>
      summary.server === 'profilegraph' &&
      (!operation || summary.operation === operation) &&
      (connections === undefined || summary.connections === connections),
  );

const notMeasured = (target: string, why = 'not measured in this run'): TargetResult => ({ target, met: null, detail: why });

function throughputTarget(
  summaries: readonly Summary[],
  operation: OperationName,
  { peer, atLeast, connections }: ThroughputTarget,
): TargetResult {
  const target = `${operation} ≥ ${atLeast}× ${peer}'s requests per second at ${connections} connections`;
  const ratio = ofService(summaries, operation, connections)[0]?.ratioTo[peer]?.requestsPerSecond;
  if (ratio === undefined) return notMeasured(target, `not measured in this run (it needs ${peer} and ${connections} connections)`);
  return { target, met: ratio >= atLeast, detail: `${ratio.toFixed(2)}×, the median of the round-by-round ratios` };
}

function latencyTarget(
  summaries: readonly Summary[],
  operation: OperationName,
  { connections, p99AtMostMs }: NonNullable<OperationTargets['latency']>,
): TargetResult {
  const target = `${operation} p99 ≤ ${p99AtMostMs} ms at ${connections} connections`;
  const summary = ofService(summaries, operation, connections)[0];
  if (!summary) return notMeasured(target);
  return { target, met: summary.p99Ms <= p99AtMostMs, detail: `p99 ${summary.p99Ms.toFixed(1)} ms` };
}

function statementsTarget(
  summaries: readonly Summary[],
  operation: OperationName,
  maxStatements: number,
  skipped: string | undefined,
): TargetResult {
  const target = `${operation}: at most ${maxStatements} SQL statements per request`;
  const counted = ofService(summaries, operation).flatMap((summary) => (summary.statements ? [summary.statements] : []));
  if (counted.length === 0) return notMeasured(target, skipped);
  const min = Math.min(...counted.map((statements) => statements.min));
  const max = Math.max(...counted.map((statements) => statements.max));
  return {
    target,
    // Requests with no rows to expand (an empty page) may send fewer; none may send more.
    met: max <= maxStatements,
    detail: min === max ? `every request sent ${max}` : `between ${min} and ${max} per request`,
  };
}

function peakMemoryTarget(summaries: readonly Summary[]): TargetResult {
  const { connections, atMostMiB } = memoryTarget;
  const target = `The service's peak RSS ≤ ${atMostMiB} MiB at ${connections} connections`;
  const service = ofService(summaries, undefined, connections);
  if (service.length === 0) return notMeasured(target);
  const peak = Math.max(...service.map((summary) => summary.peakRssMiB));
  return { target, met: peak <= atMostMiB, detail: `${peak.toFixed(0)} MiB at most` };
}

/** The targets for this 2-core machine; `skipped` says why an operation was not measured. */
export function evaluateTargets(summaries: readonly Summary[], skipped: Partial<Record<OperationName, string>>): TargetResult[] {
  const entries = Object.entries(operationTargets) as [OperationName, OperationTargets][];
  return [
    ...entries.flatMap(([operation, targets]) => [
      ...targets.throughput.map((throughput) => throughputTarget(summaries, operation, throughput)),
      ...(targets.latency ? [latencyTarget(summaries, operation, targets.latency)] : []),
    ]),
    ...entries.map(([operation, targets]) => statementsTarget(summaries, operation, targets.maxStatements, skipped[operation])),
    peakMemoryTarget(summaries),
  ];
}
