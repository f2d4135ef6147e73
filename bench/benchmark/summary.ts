import type { OperationName } from '../operations';
import type { RoundResult } from './measure';
import { singleClientLatency, type SingleClientLatency } from './single-client';
import { peerKinds, type PeerKind, type ServerKind } from './server-process';
import type { StatementsPerRequest } from './sql-statements';

/** The figures that are compared with the peers'. */
export const comparedFigures = ['requestsPerSecond', 'p50Ms', 'p99Ms', 'cpuMsPerRequest', 'databaseCpuMsPerRequest', 'peakRssMiB'] as const;
export type ComparedFigure = (typeof comparedFigures)[number];

export interface Summary extends Record<ComparedFigure, number> {
  server: ServerKind;
  operation: OperationName;
  connections: number;
  rounds: number;
  requests: number;
  statements: StatementsPerRequest | null;
  errors: number;
  firstError: string | null;
  /** One connection over named bodies: the latency distribution over every round's requests, and the slowest by name. */
  singleClient?: SingleClientLatency;
  /** On the service's summaries: its figures over each peer's that ran the same operation. */
  ratioTo: Partial<Record<PeerKind, Record<ComparedFigure, number>>>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function combinedStatements(rounds: readonly RoundResult[]): StatementsPerRequest | null {
  const counted = rounds.flatMap((round) => (round.statements ? [round.statements] : []));
  if (counted.length === 0) return null;
  const requests = counted.reduce((total, statements) => total + statements.requests, 0);
  const sum = counted.reduce((total, statements) => total + statements.mean * statements.requests, 0);
  return {
    requests,
    mean: sum / requests,
    min: Math.min(...counted.map((statements) => statements.min)),
    max: Math.max(...counted.map((statements) => statements.max)),
  };
}

/** A peak is a peak: the highest of the rounds. Everything else: the median round. */
function figure(name: ComparedFigure, values: readonly number[]): number {
  return name === 'peakRssMiB' ? Math.max(...values) : median(values);
}

function figuresOf(rounds: readonly RoundResult[]): Record<ComparedFigure, number> {
  const figures = comparedFigures.map((name) => [
    name,
    figure(
      name,
      rounds.map((round) => round[name]),
    ),
  ]);
  return Object.fromEntries(figures) as Record<ComparedFigure, number>;
}

/**
 * Round i of the service ran right next to round i of the peer, under the same machine noise:
 * the ratio is taken pair by pair, then the median pair is reported (peaks: peak over peak).
 */
export function ratiosByRound(rounds: readonly RoundResult[], peerRounds: readonly RoundResult[]): Record<ComparedFigure, number> | null {
  const pairs = rounds.flatMap((round) => peerRounds.filter((peer) => peer.round === round.round).map((peer) => [round, peer] as const));
  if (pairs.length === 0) return null;
  return Object.fromEntries(
    comparedFigures.map((name) => [
      name,
      name === 'peakRssMiB'
        ? figure(
            name,
            rounds.map((round) => round[name]),
          ) /
          figure(
            name,
            peerRounds.map((round) => round[name]),
          )
        : median(pairs.map(([service, peer]) => service[name] / peer[name])),
    ]),
  ) as Record<ComparedFigure, number>;
}

function summarizeServer(
  rounds: readonly RoundResult[],
  peerRounds: Partial<Record<PeerKind, readonly RoundResult[]>>,
): Omit<Summary, 'server' | 'operation' | 'connections'> {
  const ratioTo: Summary['ratioTo'] = {};
  for (const peer of peerKinds) {
    const ratios = ratiosByRound(rounds, peerRounds[peer] ?? []);
    if (ratios) ratioTo[peer] = ratios;
  }
  const timings = rounds.flatMap((round) => round.timings ?? []);
  return {
    ...figuresOf(rounds),
    ...(timings.length > 0 && { singleClient: singleClientLatency(timings) }),
    rounds: rounds.length,
    requests: rounds.reduce((total, round) => total + round.requests, 0),
    statements: combinedStatements(rounds),
    errors: rounds.reduce((total, round) => total + round.errors, 0),
    firstError: rounds.find((round) => round.firstError)?.firstError ?? null,
    ratioTo,
  };
}

/** One summary per operation, connection count and server, in the order they were measured. */
export function summarize(rounds: readonly RoundResult[]): Summary[] {
  const keys = [...new Map(rounds.map((round) => [`${round.operation}/${round.connections}/${round.server}`, round])).values()];
  return keys.map(({ operation, connections, server }) => {
    const of = (kind: ServerKind) =>
      rounds.filter((round) => round.operation === operation && round.connections === connections && round.server === kind);
    const peers = server === 'profilegraph' ? Object.fromEntries(peerKinds.map((peer) => [peer, of(peer)])) : {};
    return { server, operation, connections, ...summarizeServer(of(server), peers) };
  });
}
