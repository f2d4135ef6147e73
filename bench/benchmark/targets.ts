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

/** A percentile of the latency clients see at a connection count. */
interface LatencyTarget {
  connections: number;
  percentile: 'p50' | 'p99';
  atMostMs: number;
}

/**
 * One client at a time over the operation's named variable sets: the median request, and the
 * slowest search (its median over its passes, so that one hiccup of a shared machine does not
 * decide it; the report gives the single worst request too).
 */
interface SingleClientTarget {
  p50AtMostMs: number;
  slowestSearchAtMostMs: number;
}

interface OperationTargets {
  throughput: ThroughputTarget[];
  latency?: LatencyTarget[];
  singleClient?: SingleClientTarget;
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
    latency: [{ connections: 64, percentile: 'p99', atMostMs: 100 }],
    maxStatements: 3,
  },
  PeopleList: {
    throughput: [
      { peer: 'postgraphile', atLeast: 2, connections: 16 },
      { peer: 'floor', atLeast: 0.8, connections: 16 },
    ],
    maxStatements: 3,
  },
  // Over the spread of broad and narrow searches (talent-search-spread.ts) on 100,000 people.
  TalentSearch: {
    throughput: [],
    latency: [{ connections: 16, percentile: 'p50', atMostMs: 150 }],
    singleClient: { p50AtMostMs: 50, slowestSearchAtMostMs: 150 },
    maxStatements: 3,
  },
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
  { connections, percentile, atMostMs }: LatencyTarget,
): TargetResult {
  const target = `${operation} ${percentile} ≤ ${atMostMs} ms at ${connections} connections`;
  const summary = ofService(summaries, operation, connections)[0];
  if (!summary) return notMeasured(target);
  const ms = percentile === 'p50' ? summary.p50Ms : summary.p99Ms;
  return { target, met: ms <= atMostMs, detail: `${percentile} ${ms.toFixed(1)} ms` };
}

function singleClientTargets(
  summaries: readonly Summary[],
  operation: OperationName,
  { p50AtMostMs, slowestSearchAtMostMs }: SingleClientTarget,
): TargetResult[] {
  const p50Target = `${operation} one client at a time: p50 ≤ ${p50AtMostMs} ms`;
  const slowestTarget = `${operation} one client at a time: the slowest search ≤ ${slowestSearchAtMostMs} ms (its median)`;
  const latency = ofService(summaries, operation, 1)[0]?.singleClient;
  if (!latency) return [notMeasured(p50Target, 'not measured in this run (it needs --connections 1)'), notMeasured(slowestTarget)];
  const [slowest] = latency.slowest;
  return [
    {
      target: p50Target,
      met: latency.p50Ms <= p50AtMostMs,
      detail: `p50 ${latency.p50Ms.toFixed(1)} ms over ${latency.requests} requests`,
    },
    {
      target: slowestTarget,
      met: (slowest?.medianMs ?? 0) <= slowestSearchAtMostMs,
      detail: slowest
        ? `${slowest.label}: ${slowest.medianMs.toFixed(1)} ms (worst single request ${latency.maxMs.toFixed(1)} ms)`
        : 'no searches',
    },
  ];
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
      ...(targets.latency ?? []).map((latency) => latencyTarget(summaries, operation, latency)),
      ...(targets.singleClient ? singleClientTargets(summaries, operation, targets.singleClient) : []),
    ]),
    ...entries.map(([operation, targets]) => statementsTarget(summaries, operation, targets.maxStatements, skipped[operation])),
    peakMemoryTarget(summaries),
  ];
}
