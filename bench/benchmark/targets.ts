import type { OperationName } from '../operations';
import type { Summary } from './summary';

export interface TargetResult {
  target: string;
  /** null: not measured in this run. */
  met: boolean | null;
  detail: string;
}

const ofService = (summaries: readonly Summary[], operation?: OperationName) =>
  summaries.filter((summary) => summary.server === 'profilegraph' && (!operation || summary.operation === operation));

const notMeasured = (target: string, why = 'not measured in this run'): TargetResult => ({ target, met: null, detail: why });

function throughputTarget(summaries: readonly Summary[], operation: OperationName, atLeast: number): TargetResult {
  const target = `${operation} ≥ ${atLeast}× the floor's requests per second`;
  const compared = ofService(summaries, operation).filter((summary) => summary.ratioToFloor);
  if (compared.length === 0) return notMeasured(target);
  return {
    target,
    met: compared.every((summary) => (summary.ratioToFloor?.requestsPerSecond ?? 0) >= atLeast),
    detail: compared.map((summary) => `${summary.ratioToFloor?.requestsPerSecond.toFixed(2)}× at ${summary.connections} connections`).join(', '),
  };
}

function statementsTarget(summaries: readonly Summary[], operation: OperationName, skipped: string | undefined): TargetResult {
  const target = `${operation}: SQL statements per request constant, at most 5`;
  const counted = ofService(summaries, operation).flatMap((summary) => (summary.statements ? [summary.statements] : []));
  if (counted.length === 0) return notMeasured(target, skipped);
  const min = Math.min(...counted.map((statements) => statements.min));
  const max = Math.max(...counted.map((statements) => statements.max));
  return {
    target,
    // Requests with no rows to expand (an empty page) may send fewer; none may send more than 5.
    met: max <= 5,
    detail: min === max ? `every request sent ${max}` : `between ${min} and ${max} per request`,
  };
}

function latencyTarget(summaries: readonly Summary[]): TargetResult {
  const target = 'ProfilePage p99 under 250 ms at 64 connections';
  const at64 = ofService(summaries, 'ProfilePage').find((summary) => summary.connections === 64);
  if (!at64) return notMeasured(target);
  return { target, met: at64.p99Ms < 250, detail: `p99 ${at64.p99Ms.toFixed(1)} ms` };
}

function memoryTarget(summaries: readonly Summary[]): TargetResult {
  const target = 'Peak RSS under 250 MiB';
  const service = ofService(summaries);
  if (service.length === 0) return notMeasured(target);
  const peak = Math.max(...service.map((summary) => summary.peakRssMiB));
  return { target, met: peak < 250, detail: `${peak.toFixed(0)} MiB at most` };
}

/** The targets for this 2-core machine; `skipped` says why an operation was not measured. */
export function evaluateTargets(summaries: readonly Summary[], skipped: Partial<Record<OperationName, string>>): TargetResult[] {
  return [
    throughputTarget(summaries, 'ProfilePage', 0.5),
    throughputTarget(summaries, 'PeopleList', 0.6),
    ...(['ProfilePage', 'PeopleList', 'TalentSearch', 'SkillDirectory'] as const).map((operation) =>
      statementsTarget(summaries, operation, skipped[operation]),
    ),
    latencyTarget(summaries),
    memoryTarget(summaries),
  ];
}
