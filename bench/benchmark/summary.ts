import type { OperationName } from '../operations';
import type { RoundResult } from './measure';
import type { ServerKind } from './server-process';
import type { StatementsPerRequest } from './sql-statements';

/** The figures that are compared with the floor's. */
export const comparedFigures = ['requestsPerSecond', 'p50Ms', 'p99Ms', 'cpuMsPerRequest', 'peakRssMiB'] as const;
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
  /** The service's figures over the floor's, or null where there is no floor for the operation. */
  ratioToFloor: Record<ComparedFigure, number> | null;
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

function summarizeServer(
  rounds: readonly RoundResult[],
  floorRounds: readonly RoundResult[],
): Omit<Summary, 'server' | 'operation' | 'connections'> {
  const figures = Object.fromEntries(
    comparedFigures.map((name) => [name, figure(name, rounds.map((round) => round[name]))]),
  ) as Record<ComparedFigure, number>;
  // Round i of the service ran right next to round i of the floor, under the same machine noise:
  // the ratio is taken pair by pair, then the median pair is reported.
  const pairs = rounds.flatMap((round) =>
    floorRounds.filter((floor) => floor.round === round.round).map((floor) => [round, floor] as const),
  );
  const ratioToFloor = pairs.length
    ? (Object.fromEntries(
        comparedFigures.map((name) => [
          name,
          name === 'peakRssMiB'
            ? figures.peakRssMiB / figure(name, floorRounds.map((round) => round[name]))
            : median(pairs.map(([service, floor]) => service[name] / floor[name])),
        ]),
      ) as Record<ComparedFigure, number>)
    : null;
  return {
    ...figures,
    rounds: rounds.length,
    requests: rounds.reduce((total, round) => total + round.requests, 0),
    statements: combinedStatements(rounds),
    errors: rounds.reduce((total, round) => total + round.errors, 0),
    firstError: rounds.find((round) => round.firstError)?.firstError ?? null,
    ratioToFloor,
  };
}

/** One summary per operation, connection count and server, in the order they were measured. */
export function summarize(rounds: readonly RoundResult[]): Summary[] {
  const keys = [...new Map(rounds.map((round) => [`${round.operation}/${round.connections}/${round.server}`, round])).values()];
  return keys.map(({ operation, connections, server }) => {
    const of = (kind: ServerKind) =>
      rounds.filter((round) => round.operation === operation && round.connections === connections && round.server === kind);
    return { server, operation, connections, ...summarizeServer(of(server), server === 'profilegraph' ? of('floor') : []) };
  });
}
